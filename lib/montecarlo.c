/* Monte Carlo over a service projection: lever distributions, Dirichlet transition draws,
 * demographic noise, percentiles; draws in parallel on pthreads, each with its own
 * random stream derived from (seed, draw index). Method: docs/methods/uncertainty.md. */
#include "estimate_internal.h"
#include "plan_internal.h"
#include "population_internal.h"
#include "staircase_internal.h"

#include "check.h"
#include "error.h"
#include "filewrite.h"
#include "planomsorg/montecarlo.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct lever_dist {
    int set;
    int dist;
    double p[4];
    size_t np;
};

struct planomsorg_mc {
    /* services mode: svc set; plan mode: plan set */
    const planomsorg_services *svc;
    const planomsorg_plan *plan;
    planomsorg_scenario *scen; /* plan mode: the scenario drawn around (a copy) */
    int K, n_groups;           /* plan mode: levels and staff groups */
    size_t m_offset[PLANOMSORG_N_MEASURES + 1]; /* plan mode: first index of each measure in a year */
    double *central;           /* plan mode: the undrawn run, same layout as one draw */
    char (*plan_groups)[64];   /* plan mode: names of the staff groups */
    planomsorg_population *pop;
    int first_year, n_years;
    struct lever_dist levers[PLANOMSORG_N_LEVERS];
    planomsorg_estimate *est;
    unsigned noise;
    int n_bands;
    int band_lo[PLANOMSORG_MAX_AGE_BANDS];
    /* results of the last run: [measure index][draw] */
    int n_draws;
    size_t n_measures;
    double *values;
};

/* ---------- distributions ---------- */

static int check_dist(int dist, const double *p, size_t np, const char *what)
{
    static const size_t need[PLANOMSORG_N_DISTS] = {1, 2, 2, 2, 2, 3, 3};
    if (dist < 0 || dist >= PLANOMSORG_N_DISTS)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown distribution %d", what, dist);
    if (np != need[dist] && !(dist == PLANOMSORG_DIST_BETA && np == 4))
        return pl_error(PLANOMSORG_EDIMENSION, "%s: %s takes %zu parameters%s, not %zu", what,
                        planomsorg_dist_name(dist), need[dist],
                        dist == PLANOMSORG_DIST_BETA ? " (or 4)" : "", np);
    PL_CHECK_NULL(p);
    for (size_t i = 0; i < np; i++)
        if (!isfinite(p[i]))
            return pl_error(PLANOMSORG_EVALUE, "%s: parameter %zu of %s is %g, not finite", what,
                            i + 1, planomsorg_dist_name(dist), p[i]);
    const char *bad = NULL;
    switch (dist) {
    case PLANOMSORG_DIST_NORMAL:
    case PLANOMSORG_DIST_LOGNORMAL:
        if (p[1] < 0)
            bad = "the standard deviation must be >= 0";
        break;
    case PLANOMSORG_DIST_BETA:
        if (!(p[0] > 0 && p[1] > 0))
            bad = "a and b must be > 0";
        else if (np == 4 && !(p[2] < p[3]))
            bad = "lo must be below hi";
        break;
    case PLANOMSORG_DIST_UNIFORM:
        if (p[0] > p[1])
            bad = "lo must not exceed hi";
        break;
    case PLANOMSORG_DIST_TRIANGULAR:
        if (!(p[0] <= p[1] && p[1] <= p[2] && p[0] < p[2]))
            bad = "lo <= mode <= hi and lo < hi are required";
        break;
    case PLANOMSORG_DIST_SPLIT_NORMAL:
        if (p[1] < 0 || p[2] < 0)
            bad = "the standard deviations must be >= 0";
        break;
    default:
        break;
    }
    if (bad != NULL) {
        char args[128] = "";
        for (size_t i = 0, len = 0; i < np && len < sizeof args; i++)
            len += (size_t)snprintf(args + len, sizeof args - len, "%s%g", i ? ", " : "", p[i]);
        return pl_error(PLANOMSORG_EVALUE, "%s: %s(%s): %s", what, planomsorg_dist_name(dist),
                        args, bad);
    }
    return PLANOMSORG_OK;
}

static double draw_dist(gsl_rng *rng, int dist, const double *p, size_t np)
{
    switch (dist) {
    case PLANOMSORG_DIST_FIXED:
        return p[0];
    case PLANOMSORG_DIST_NORMAL:
        return p[0] + gsl_ran_gaussian_ziggurat(rng, p[1]);
    case PLANOMSORG_DIST_LOGNORMAL:
        return gsl_ran_lognormal(rng, p[0], p[1]);
    case PLANOMSORG_DIST_BETA: {
        double x = gsl_ran_beta(rng, p[0], p[1]);
        return np == 4 ? p[2] + (p[3] - p[2]) * x : x;
    }
    case PLANOMSORG_DIST_UNIFORM:
        return p[0] + (p[1] - p[0]) * gsl_rng_uniform(rng);
    case PLANOMSORG_DIST_TRIANGULAR: {
        double lo = p[0], m = p[1], hi = p[2], u = gsl_rng_uniform(rng);
        double f = (m - lo) / (hi - lo);
        return u < f ? lo + sqrt(u * (hi - lo) * (m - lo))
                     : hi - sqrt((1 - u) * (hi - lo) * (hi - m));
    }
    case PLANOMSORG_DIST_SPLIT_NORMAL: {
        /* The left half has mass s1 / (s1 + s2) (continuous density at the mode). */
        double s1 = p[1], s2 = p[2], tot = s1 + s2;
        if (!(tot > 0))
            return p[0];
        double z = fabs(gsl_ran_gaussian_ziggurat(rng, 1.0));
        return gsl_rng_uniform(rng) < s1 / tot ? p[0] - s1 * z : p[0] + s2 * z;
    }
    default:
        return NAN;
    }
}

int planomsorg_dist_sample(double *values, size_t n, int dist, const double *params,
                           size_t n_params, unsigned long seed)
{
    PL_CHECK_NULL(values);
    if (n < 1)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n must be >= 1", __func__);
    int rc = check_dist(dist, params, n_params, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (rng == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    gsl_rng_set(rng, seed);
    for (size_t i = 0; i < n; i++)
        values[i] = draw_dist(rng, dist, params, n_params);
    gsl_rng_free(rng);
    return PLANOMSORG_OK;
}

/* ---------- the handle ---------- */

int planomsorg_mc_new(planomsorg_mc **out, const planomsorg_services *svc,
                      const planomsorg_population *pop, int first_year, int last_year)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(svc);
    PL_CHECK_NULL(pop);
    int rc = pl_population_check_years(pop, first_year, last_year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_mc *mc = calloc(1, sizeof *mc);
    if (mc == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    rc = planomsorg_population_slice(&mc->pop, pop, first_year, last_year - first_year + 1);
    if (rc != PLANOMSORG_OK) {
        free(mc);
        return rc;
    }
    mc->svc = svc;
    mc->first_year = first_year;
    mc->n_years = last_year - first_year + 1;
    mc->n_bands = 3;
    mc->band_lo[0] = 0;
    mc->band_lo[1] = 67;
    mc->band_lo[2] = 80;
    *out = mc;
    return PLANOMSORG_OK;
}

void planomsorg_mc_free(planomsorg_mc *mc)
{
    if (mc == NULL)
        return;
    planomsorg_population_free(mc->pop);
    planomsorg_estimate_free(mc->est);
    planomsorg_scenario_free(mc->scen);
    free(mc->central);
    free(mc->plan_groups);
    free(mc->values);
    free(mc);
}

static void clear_results(planomsorg_mc *mc)
{
    free(mc->values);
    mc->values = NULL;
    mc->n_draws = 0;
}

int planomsorg_mc_set_lever(planomsorg_mc *mc, int lever, int dist, const double *params,
                            size_t n_params)
{
    PL_CHECK_NULL(mc);
    if (lever < 0 || lever >= PLANOMSORG_N_LEVERS)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown lever %d", __func__, lever);
    if (mc->plan == NULL && lever != PLANOMSORG_LEVER_HEALTH &&
        lever != PLANOMSORG_LEVER_FAMILY_CARE && lever != PLANOMSORG_LEVER_DREINING)
        return pl_error(PLANOMSORG_EUNSUPPORTED,
                        "%s: lever '%s' acts on staffing, which a services Monte Carlo does not "
                        "run (health, family_care and dreining are drawn)",
                        __func__, planomsorg_lever_name(lever));
    int rc = check_dist(dist, params, n_params, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    struct lever_dist *l = &mc->levers[lever];
    l->set = 1;
    l->dist = dist;
    l->np = n_params;
    memcpy(l->p, params, n_params * sizeof *params);
    clear_results(mc);
    return PLANOMSORG_OK;
}

int planomsorg_mc_set_estimate(planomsorg_mc *mc, const planomsorg_estimate *est)
{
    PL_CHECK_NULL(mc);
    if (est == NULL) {
        planomsorg_estimate_free(mc->est);
        mc->est = NULL;
        clear_results(mc);
        return PLANOMSORG_OK;
    }
    if (mc->plan != NULL ? mc->plan->tr == NULL : mc->svc->mode != PLANOMSORG_MODE_MARKOV)
        return pl_error(PLANOMSORG_ESTATE,
                        "%s: transition draws need %s", __func__,
                        mc->plan != NULL ? "a plan with transitions (Markov mode)"
                                         : "the services object in Markov mode");
    int K = mc->plan != NULL ? planomsorg_staircase_n_levels(mc->plan->sc) : mc->svc->sc.n_levels;
    if (est->K != K)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: the estimate has %d levels, the staircase %d",
                        __func__, est->K, K);
    planomsorg_estimate *copy = NULL;
    int rc = planomsorg_estimate_copy(&copy, est);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_estimate_free(mc->est);
    mc->est = copy;
    clear_results(mc);
    return PLANOMSORG_OK;
}

int planomsorg_mc_set_noise(planomsorg_mc *mc, unsigned flags)
{
    PL_CHECK_NULL(mc);
    if (flags & ~PLANOMSORG_MC_NOISE_ALL)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown noise flags 0x%x", __func__, flags);
    if (mc->plan != NULL && flags != 0)
        return pl_error(PLANOMSORG_EUNSUPPORTED,
                        "%s: noise needs a services Monte Carlo (a plan projects its own "
                        "population)", __func__);
    mc->noise = flags;
    clear_results(mc);
    return PLANOMSORG_OK;
}

int planomsorg_mc_set_bands(planomsorg_mc *mc, const int *band_lo, size_t n_bands)
{
    PL_CHECK_NULL(mc);
    if (mc->plan != NULL)
        return pl_error(PLANOMSORG_EUNSUPPORTED,
                        "%s: a plan Monte Carlo has the plan's measures, not bands", __func__);
    int rc = pl_check_bands(band_lo, n_bands, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    mc->n_bands = (int)n_bands;
    memcpy(mc->band_lo, band_lo, n_bands * sizeof *band_lo);
    clear_results(mc);
    return PLANOMSORG_OK;
}

int planomsorg_mc_n_draws(const planomsorg_mc *mc)
{
    return mc == NULL ? 0 : mc->n_draws;
}

int planomsorg_mc_n_bands(const planomsorg_mc *mc)
{
    return mc == NULL ? 0 : mc->n_bands;
}

/* ---------- measures ---------- */

/* Index of a measure: users [year][level][band + 1], then queue in the same layout,
 * then coverage [year]. */
static size_t measure_index(const planomsorg_mc *mc, int measure, int yi, int level, int band)
{
    int K = mc->svc->sc.n_levels, nb1 = mc->n_bands + 1;
    size_t block = (size_t)mc->n_years * (size_t)K * (size_t)nb1;
    if (measure == PLANOMSORG_MC_COVERAGE_24H)
        return 2 * block + (size_t)yi;
    return (size_t)measure * block + ((size_t)yi * (size_t)K + (size_t)level) * (size_t)nb1 +
           (size_t)band;
}

static size_t n_measures(const planomsorg_mc *mc)
{
    if (mc->plan != NULL)
        return (size_t)mc->n_years * mc->m_offset[PLANOMSORG_N_MEASURES];
    return measure_index(mc, PLANOMSORG_MC_COVERAGE_24H, mc->n_years, 0, 0);
}

/* ---------- plan mode: layout of the measures ---------- */

/* Within a year, measure m holds its total, then one value per level (by level), then
 * one per group (by group). */
static void plan_layout(planomsorg_mc *mc)
{
    size_t off = 0;
    for (int m = 0; m < PLANOMSORG_N_MEASURES; m++) {
        int bl = 0, bg = 0;
        planomsorg_plan_measure_dims(&bl, &bg, m);
        mc->m_offset[m] = off;
        off += 1 + (bl ? (size_t)mc->K : 0) + (bg ? (size_t)mc->n_groups : 0);
    }
    mc->m_offset[PLANOMSORG_N_MEASURES] = off;
}

/* Index of (year index, measure, level or ALL, group or ALL), or SIZE_MAX for a
 * combination the layout does not hold. */
static size_t plan_index(const planomsorg_mc *mc, int yi, int m, int level, int group)
{
    int bl = 0, bg = 0;
    planomsorg_plan_measure_dims(&bl, &bg, m);
    size_t base = (size_t)yi * mc->m_offset[PLANOMSORG_N_MEASURES] + mc->m_offset[m];
    if (level == PLANOMSORG_PLAN_ALL && group == PLANOMSORG_PLAN_ALL)
        return base;
    if (group == PLANOMSORG_PLAN_ALL && bl && level >= 0 && level < mc->K)
        return base + 1 + (size_t)level;
    if (level == PLANOMSORG_PLAN_ALL && bg && group >= 0 && group < mc->n_groups)
        return base + 1 + (bl ? (size_t)mc->K : 0) + (size_t)group;
    return SIZE_MAX;
}

/* Stores every measure of a plan result (scenario 0) at values[index * stride + draw]. */
static int plan_store(const planomsorg_mc *mc, const planomsorg_plan_result *res, double *values,
                      size_t stride, size_t draw)
{
    for (int t = 0; t < mc->n_years; t++)
        for (int m = 0; m < PLANOMSORG_N_MEASURES; m++) {
            int bl = 0, bg = 0;
            planomsorg_plan_measure_dims(&bl, &bg, m);
            for (int l = -1; l < (bl ? mc->K : 0); l++) {
                double v;
                int rc = planomsorg_plan_result_get(&v, res, 0, mc->first_year + t, m, l,
                                                    PLANOMSORG_PLAN_ALL);
                if (rc != PLANOMSORG_OK)
                    return rc;
                values[plan_index(mc, t, m, l, PLANOMSORG_PLAN_ALL) * stride + draw] = v;
            }
            for (int g = 0; g < (bg ? mc->n_groups : 0); g++) {
                double v;
                int rc = planomsorg_plan_result_get(&v, res, 0, mc->first_year + t, m,
                                                    PLANOMSORG_PLAN_ALL, g);
                if (rc != PLANOMSORG_OK)
                    return rc;
                values[plan_index(mc, t, m, PLANOMSORG_PLAN_ALL, g) * stride + draw] = v;
            }
        }
    return PLANOMSORG_OK;
}

/* Runs the plan with one scenario (and drawn transitions when tr is not NULL). The plan
 * is copied shallowly: its arrays are shared read-only, as planomsorg_plan_run() takes
 * it const. */
static int plan_run_one(planomsorg_plan_result **res, const planomsorg_plan *plan,
                        planomsorg_scenario *scen, planomsorg_transitions *tr)
{
    planomsorg_plan local = *plan;
    local.scen[0] = scen;
    local.n_scen = 1;
    if (tr != NULL)
        local.tr = tr;
    return planomsorg_plan_run(res, &local);
}

int planomsorg_mc_new_plan(planomsorg_mc **out, const planomsorg_plan *plan, int scenario)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(plan);
    if (scenario < -1 || scenario >= plan->n_scen || (scenario == -1 && plan->n_scen > 0))
        return pl_error(PLANOMSORG_ERANGE,
                        "%s: scenario %d outside 0..%d (-1 only for a plan without scenarios)",
                        __func__, scenario, plan->n_scen - 1);
    planomsorg_mc *mc = calloc(1, sizeof *mc);
    if (mc == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    int rc = scenario >= 0 ? planomsorg_scenario_copy(&mc->scen, plan->scen[scenario])
                           : planomsorg_scenario_new_bundle(&mc->scen, PLANOMSORG_BUNDLE_MIDDLE);
    if (rc != PLANOMSORG_OK) {
        free(mc);
        return rc;
    }
    mc->plan = plan;
    mc->first_year = plan->base_year;
    mc->n_years = plan->last_year - plan->base_year + 1;
    mc->K = planomsorg_staircase_n_levels(plan->sc);
    *out = mc;
    return PLANOMSORG_OK;
}

/* The undrawn run: checks the plan, fixes the number of groups and the layout. */
static int plan_central(planomsorg_mc *mc)
{
    planomsorg_plan_result *res = NULL;
    int rc = plan_run_one(&res, mc->plan, mc->scen, NULL);
    if (rc != PLANOMSORG_OK)
        return rc;
    mc->n_groups = planomsorg_plan_result_n_groups(res);
    free(mc->plan_groups);
    mc->plan_groups = calloc((size_t)mc->n_groups + 1, sizeof *mc->plan_groups);
    if (mc->plan_groups == NULL) {
        planomsorg_plan_result_free(res);
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_mc_run: out of memory");
    }
    for (int g = 0; g < mc->n_groups; g++)
        snprintf(mc->plan_groups[g], sizeof mc->plan_groups[g], "%s",
                 planomsorg_plan_result_group_name(res, g));
    plan_layout(mc);
    free(mc->central);
    mc->central = malloc(n_measures(mc) * sizeof *mc->central);
    if (mc->central == NULL)
        rc = pl_error(PLANOMSORG_ENOMEM, "planomsorg_mc_run: out of memory");
    else
        rc = plan_store(mc, res, mc->central, 1, 0);
    planomsorg_plan_result_free(res);
    return rc;
}

/* ---------- one draw ---------- */

struct shared {
    planomsorg_mc *mc;
    int n_draws;
    unsigned long seed;
    atomic_int next;   /* next draw to take */
    atomic_int failed; /* set when a draw fails: the others stop */
};

struct worker {
    struct shared *sh;
    int rc, failed_draw;
    char message[512];
};

/* SplitMix64 finaliser: a well-mixed 64-bit seed from (seed, draw). */
static uint64_t mix64(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static unsigned long draw_seed(unsigned long seed, int draw)
{
    return (unsigned long)mix64(mix64((uint64_t)seed) ^ (uint64_t)(unsigned)draw);
}

struct draw_state {
    planomsorg_transitions *tr; /* drawn matrices (estimate set) */
    planomsorg_population *pop; /* noisy population (population noise) */
    planomsorg_result *res;     /* the services projection, reused from draw to draw */
    double lever_value[PLANOMSORG_N_LEVERS];
    int n_top;
    int levels_top[PLANOMSORG_MAX_LEVELS];
};

static void users_noise(planomsorg_result *res, gsl_rng *rng)
{
    int K = res->n_levels;
    size_t cells = (size_t)res->n_years * 2 * (size_t)(res->max_age + 1);
    double p[PLANOMSORG_MAX_LEVELS];
    unsigned int nk[PLANOMSORG_MAX_LEVELS];
    for (size_t c = 0; c < cells; c++) {
        double *u = res->users + c * (size_t)K, tot = 0;
        for (int k = 0; k < K; k++)
            tot += u[k];
        if (!(tot > 0) || tot > 4e9)
            continue;
        for (int k = 0; k < K; k++)
            p[k] = u[k] / tot;
        gsl_ran_multinomial(rng, (size_t)K, (unsigned int)lround(tot), p, nk);
        for (int k = 0; k < K; k++)
            u[k] = nk[k];
    }
}

static int store_measures(planomsorg_mc *mc, const planomsorg_result *res, int draw)
{
    int K = res->n_levels, A = res->max_age, nb = mc->n_bands;
    int *band = malloc((size_t)(A + 1) * sizeof *band);
    double *acc = calloc((size_t)K * (size_t)(nb + 1), sizeof *acc);
    double *acq = calloc((size_t)K * (size_t)(nb + 1), sizeof *acq);
    if (band == NULL || acc == NULL || acq == NULL) {
        free(band), free(acc), free(acq);
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_mc_run: out of memory");
    }
    for (int a = 0; a <= A; a++)
        band[a] = pl_band_of_age(mc->band_lo, nb, a);
    for (int t = 0; t < mc->n_years; t++) {
        memset(acc, 0, (size_t)K * (size_t)(nb + 1) * sizeof *acc);
        memset(acq, 0, (size_t)K * (size_t)(nb + 1) * sizeof *acq);
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= A; a++) {
                size_t off = (((size_t)t * 2 + (size_t)s) * (size_t)(A + 1) + (size_t)a) * (size_t)K;
                for (int k = 0; k < K; k++) {
                    acc[k * (nb + 1) + band[a]] += res->users[off + (size_t)k];
                    if (res->queue != NULL) /* NULL: no capacity, all zero */
                        acq[k * (nb + 1) + band[a]] += res->queue[off + (size_t)k];
                }
            }
        for (int k = 0; k < K; k++) {
            double su = 0, sq = 0;
            for (int b = 0; b < nb; b++) {
                su += acc[k * (nb + 1) + b];
                sq += acq[k * (nb + 1) + b];
                mc->values[measure_index(mc, PLANOMSORG_MC_USERS, t, k, b) *
                               (size_t)mc->n_draws + (size_t)draw] = acc[k * (nb + 1) + b];
                mc->values[measure_index(mc, PLANOMSORG_MC_QUEUE, t, k, b) *
                               (size_t)mc->n_draws + (size_t)draw] = acq[k * (nb + 1) + b];
            }
            mc->values[measure_index(mc, PLANOMSORG_MC_USERS, t, k, nb) *
                           (size_t)mc->n_draws + (size_t)draw] = su;
            mc->values[measure_index(mc, PLANOMSORG_MC_QUEUE, t, k, nb) *
                           (size_t)mc->n_draws + (size_t)draw] = sq;
        }
        double cov;
        if (planomsorg_result_coverage_24h(&cov, res, mc->first_year + t, 1) != PLANOMSORG_OK)
            cov = NAN;
        mc->values[measure_index(mc, PLANOMSORG_MC_COVERAGE_24H, t, 0, 0) *
                       (size_t)mc->n_draws + (size_t)draw] = cov;
    }
    free(band), free(acc), free(acq);
    return PLANOMSORG_OK;
}

/* Plan mode: the drawn levers replace the scenario's (as constant values, clamped to
 * the lever's range), drawn transitions replace the plan's. */
static int plan_draw(planomsorg_mc *mc, struct draw_state *ds, gsl_rng *rng, int draw)
{
    planomsorg_scenario *scen = NULL;
    int rc = planomsorg_scenario_copy(&scen, mc->scen);
    for (int l = 0; l < PLANOMSORG_N_LEVERS && rc == PLANOMSORG_OK; l++) {
        if (!mc->levers[l].set)
            continue;
        double lo, hi, v = ds->lever_value[l];
        planomsorg_lever_range(&lo, &hi, l);
        v = v < lo ? lo : v > hi ? hi : v;
        rc = planomsorg_scenario_set_value(scen, l, v);
    }
    if (rc == PLANOMSORG_OK && mc->est != NULL)
        for (int b = 0; b < mc->est->n_bands; b++)
            for (int s = 0; s < 2; s++)
                pl_estimate_draw_matrix(mc->est, b, s, rng, pl_transitions_matrix(ds->tr, 0, b, s));
    planomsorg_plan_result *res = NULL;
    if (rc == PLANOMSORG_OK)
        rc = plan_run_one(&res, mc->plan, scen, mc->est != NULL ? ds->tr : NULL);
    if (rc == PLANOMSORG_OK)
        rc = plan_store(mc, res, mc->values, (size_t)mc->n_draws, (size_t)draw);
    planomsorg_plan_result_free(res);
    planomsorg_scenario_free(scen);
    return rc;
}

static int one_draw(planomsorg_mc *mc, struct draw_state *ds, gsl_rng *rng, int draw)
{
    /* 2. Levers, in code order. */
    for (int l = 0; l < PLANOMSORG_N_LEVERS; l++) {
        const struct lever_dist *ld = &mc->levers[l];
        if (ld->set)
            ds->lever_value[l] = draw_dist(rng, ld->dist, ld->p, ld->np);
    }
    if (mc->plan != NULL)
        return plan_draw(mc, ds, rng, draw);
    /* A shallow copy of the services object: its arrays are shared read-only; the
     * fields replaced point to this draw's values (never freed through the copy). */
    const planomsorg_services *svc = mc->svc;
    planomsorg_services local = *svc;
    double fam = 0, dre = 0;
    if (mc->levers[PLANOMSORG_LEVER_FAMILY_CARE].set) {
        fam = fmax(0.0, ds->lever_value[PLANOMSORG_LEVER_FAMILY_CARE]);
        local.family =
            (struct pl_path){.first_year = mc->first_year, .n_years = 1, .values = &fam};
    }
    if (mc->levers[PLANOMSORG_LEVER_DREINING].set) {
        dre = fmax(0.0, ds->lever_value[PLANOMSORG_LEVER_DREINING]);
        for (int i = 0; i < ds->n_top; i++)
            local.dreining[ds->levels_top[i]] =
                (struct pl_path){.first_year = mc->first_year, .n_years = 1, .values = &dre};
    }
    if (mc->levers[PLANOMSORG_LEVER_HEALTH].set) {
        double th = ds->lever_value[PLANOMSORG_LEVER_HEALTH];
        local.theta = th < 0 ? 0 : th > 1 ? 1 : th;
    }
    /* 3. Transition rows from their Dirichlet posteriors. */
    if (mc->est != NULL) {
        for (int b = 0; b < mc->est->n_bands; b++)
            for (int s = 0; s < 2; s++)
                pl_estimate_draw_matrix(mc->est, b, s, rng, pl_transitions_matrix(ds->tr, 0, b, s));
        local.tr = ds->tr;
    }
    /* 4. Population noise. */
    const planomsorg_population *pop = mc->pop;
    if (mc->noise & PLANOMSORG_MC_NOISE_POPULATION) {
        size_t n = (size_t)mc->pop->n_years * 2 * (size_t)(mc->pop->max_age + 1);
        for (size_t i = 0; i < n; i++) {
            double m = mc->pop->persons[i];
            ds->pop->persons[i] = m > 0 ? (double)gsl_ran_poisson(rng, m) : 0.0;
        }
        pop = ds->pop;
    }
    /* 5. The projection, into the arrays of the previous draw of this thread. */
    int rc = pl_services_run_reuse(&ds->res, &local, pop, mc->first_year,
                                   mc->first_year + mc->n_years - 1);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (mc->noise & PLANOMSORG_MC_NOISE_USERS)
        users_noise(ds->res, rng);
    return store_measures(mc, ds->res, draw);
}

static int state_init(struct draw_state *ds, const planomsorg_mc *mc)
{
    memset(ds, 0, sizeof *ds);
    const planomsorg_services *svc = mc->svc;
    if (svc != NULL)
        for (int k = 0; k < svc->sc.n_levels; k++)
            if (svc->sc.levels[k].kind == PLANOMSORG_LEVEL_KIND_LONG_TERM && k != svc->residual)
                ds->levels_top[ds->n_top++] = k;
    int rc;
    if (mc->est != NULL) {
        rc = planomsorg_estimate_transitions(&ds->tr, mc->est, PLANOMSORG_ESTIMATE_POSTERIOR);
        if (rc != PLANOMSORG_OK)
            return rc;
        const planomsorg_transitions *base = svc != NULL ? svc->tr : mc->plan->tr;
        if (base != NULL && base->n_levels == ds->tr->n_levels)
            memcpy(ds->tr->mortality, base->mortality,
                   (size_t)ds->tr->n_levels * sizeof *ds->tr->mortality);
    }
    if (mc->noise & PLANOMSORG_MC_NOISE_POPULATION) {
        rc = planomsorg_population_copy(&ds->pop, mc->pop);
        if (rc != PLANOMSORG_OK) {
            planomsorg_transitions_free(ds->tr);
            return rc;
        }
    }
    return PLANOMSORG_OK;
}

static void state_free(struct draw_state *ds)
{
    planomsorg_transitions_free(ds->tr);
    planomsorg_population_free(ds->pop);
    planomsorg_result_free(ds->res);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct shared *sh = w->sh;
    struct draw_state ds;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    w->rc = rng == NULL ? pl_error(PLANOMSORG_ENOMEM, "planomsorg_mc_run: out of memory")
                        : state_init(&ds, sh->mc);
    if (w->rc != PLANOMSORG_OK) {
        w->failed_draw = -1;
        snprintf(w->message, sizeof w->message, "%s", planomsorg_error_last());
        atomic_store(&sh->failed, 1);
        gsl_rng_free(rng);
        return NULL;
    }
    /* Draws are taken in turn from a shared counter; each reseeds from (seed, draw), so
     * which thread runs a draw does not matter. */
    for (;;) {
        int d = atomic_fetch_add(&sh->next, 1);
        if (d >= sh->n_draws || atomic_load(&sh->failed))
            break;
        gsl_rng_set(rng, draw_seed(sh->seed, d));
        int rc = one_draw(sh->mc, &ds, rng, d);
        if (rc != PLANOMSORG_OK) {
            w->rc = rc;
            w->failed_draw = d;
            snprintf(w->message, sizeof w->message, "%s", planomsorg_error_last());
            atomic_store(&sh->failed, 1);
            break;
        }
    }
    state_free(&ds);
    gsl_rng_free(rng);
    return NULL;
}

int planomsorg_mc_run(planomsorg_mc *mc, int n_draws, unsigned long seed, int n_threads)
{
    PL_CHECK_NULL(mc);
    if (n_draws < 1 || n_draws > PLANOMSORG_MC_MAX_DRAWS)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of draws %d outside 1..%d", __func__,
                        n_draws, PLANOMSORG_MC_MAX_DRAWS);
    if (n_threads < 0 || n_threads > PLANOMSORG_MC_MAX_THREADS)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of threads %d outside 0..%d", __func__,
                        n_threads, PLANOMSORG_MC_MAX_THREADS);
    if (n_threads == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        n_threads = cpus < 1 ? 1 : cpus > PLANOMSORG_MC_MAX_THREADS ? PLANOMSORG_MC_MAX_THREADS
                                                                     : (int)cpus;
    }
    if (n_threads > n_draws)
        n_threads = n_draws;
    clear_results(mc);
    if (mc->plan != NULL) {
        int rc0 = plan_central(mc);
        if (rc0 != PLANOMSORG_OK)
            return rc0;
    }
    size_t nm = n_measures(mc);
    mc->values = malloc(nm * (size_t)n_draws * sizeof *mc->values);
    struct worker *w = calloc((size_t)n_threads, sizeof *w);
    pthread_t *tid = calloc((size_t)n_threads, sizeof *tid);
    if (mc->values == NULL || w == NULL || tid == NULL) {
        free(w), free(tid);
        clear_results(mc);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory for %d draws", __func__, n_draws);
    }
    mc->n_draws = n_draws;
    mc->n_measures = nm;
    struct shared sh = {.mc = mc, .n_draws = n_draws, .seed = seed};
    atomic_init(&sh.next, 0);
    atomic_init(&sh.failed, 0);
    /* The calling thread is worker 0; a thread that cannot start leaves its draws to the
     * others (they take draws from the shared counter). */
    int started = 0;
    for (int t = 0; t < n_threads; t++)
        w[t].sh = &sh;
    for (int t = 1; t < n_threads; t++) {
        if (pthread_create(&tid[t], NULL, worker_main, &w[t]) != 0)
            break;
        started = t;
    }
    worker_main(&w[0]);
    for (int t = 1; t <= started; t++)
        pthread_join(tid[t], NULL);
    int rc = PLANOMSORG_OK, first = n_draws;
    const char *msg = NULL;
    for (int t = 0; t <= started; t++)
        if (w[t].rc != PLANOMSORG_OK && w[t].failed_draw < first) {
            first = w[t].failed_draw;
            rc = w[t].rc;
            msg = w[t].message;
        }
    if (rc != PLANOMSORG_OK) {
        pl_error(rc, "%s: draw %d: %s", __func__, first, msg);
        clear_results(mc);
    }
    free(w), free(tid);
    return rc;
}

/* ---------- queries ---------- */

static int locate(const planomsorg_mc *mc, int measure, int year, int level, int band,
                  const double **col, const char *what)
{
    PL_CHECK_NULL(mc);
    if (mc->n_draws == 0)
        return pl_error(PLANOMSORG_ESTATE, "%s: no Monte Carlo run yet", what);
    if (mc->plan != NULL)
        return pl_error(PLANOMSORG_ESTATE, "%s: a plan Monte Carlo is queried with the "
                        "planomsorg_mc_plan_* functions", what);
    if (measure < 0 || measure >= PLANOMSORG_MC_N_MEASURES)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown measure %d", what, measure);
    int yi = year - mc->first_year;
    if (yi < 0 || yi >= mc->n_years)
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d outside %d..%d", what, year,
                        mc->first_year, mc->first_year + mc->n_years - 1);
    if (measure != PLANOMSORG_MC_COVERAGE_24H) {
        if (level < 0 || level >= mc->svc->sc.n_levels)
            return pl_error(PLANOMSORG_ERANGE, "%s: level %d outside 0..%d", what, level,
                            mc->svc->sc.n_levels - 1);
        if (band < 0 || band > mc->n_bands)
            return pl_error(PLANOMSORG_ERANGE, "%s: band %d outside 0..%d", what, band,
                            mc->n_bands);
    } else {
        level = band = 0;
    }
    *col = mc->values + measure_index(mc, measure, yi, level, band) * (size_t)mc->n_draws;
    return PLANOMSORG_OK;
}

/* Copies the n_draws draws col[] to values[0..n-1] (n must be n_draws). */
static int copy_draws(double *values, size_t n, const double *col, int n_draws, const char *what)
{
    if (n != (size_t)n_draws)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n is %zu, the run has %d draws", what, n,
                        n_draws);
    memcpy(values, col, n * sizeof *values);
    return PLANOMSORG_OK;
}

int planomsorg_mc_draws(double *values, size_t n, const planomsorg_mc *mc, int measure, int year,
                        int level, int band)
{
    PL_CHECK_NULL(values);
    const double *col;
    int rc = locate(mc, measure, year, level, band, &col, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    return copy_draws(values, n, col, mc->n_draws, __func__);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Type 7 percentile of sorted x[0..n-1]. */
static double type7(const double *x, int n, double p)
{
    double h = (n - 1) * p;
    int lo = (int)floor(h);
    if (lo >= n - 1)
        return x[n - 1];
    return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
}

/* The type 7 percentile prob of the n draws col[0..n-1] (copied, then sorted). */
static int quantile_of(double *out, const double *col, int n, double prob, const char *what)
{
    if (!(prob >= 0 && prob <= 1))
        return pl_error(PLANOMSORG_EVALUE, "%s: probability %g outside [0, 1]", what, prob);
    double *x = malloc((size_t)n * sizeof *x);
    if (x == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", what);
    memcpy(x, col, (size_t)n * sizeof *x);
    qsort(x, (size_t)n, sizeof *x, cmp_double);
    *out = type7(x, n, prob);
    free(x);
    return PLANOMSORG_OK;
}

int planomsorg_mc_quantile(double *out, const planomsorg_mc *mc, double prob, int measure,
                           int year, int level, int band)
{
    PL_CHECK_NULL(out);
    const double *col;
    int rc = locate(mc, measure, year, level, band, &col, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    return quantile_of(out, col, mc->n_draws, prob, __func__);
}

static void mean_sd(const double *x, int n, double *mean, double *sd)
{
    /* Shifted by the first value: exact for constant draws, and less cancellation. */
    double m = 0, ss = 0;
    for (int i = 0; i < n; i++)
        m += x[i] - x[0];
    m /= n;
    for (int i = 0; i < n; i++)
        ss += (x[i] - x[0] - m) * (x[i] - x[0] - m);
    *mean = x[0] + m;
    *sd = n > 1 ? sqrt(ss / (n - 1)) : 0.0;
}

int planomsorg_mc_mean(double *mean, double *sd, const planomsorg_mc *mc, int measure, int year,
                       int level, int band)
{
    const double *col;
    int rc = locate(mc, measure, year, level, band, &col, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    double m, s;
    mean_sd(col, mc->n_draws, &m, &s);
    if (mean != NULL)
        *mean = m;
    if (sd != NULL)
        *sd = s;
    return PLANOMSORG_OK;
}

static int plan_locate(const planomsorg_mc *mc, int year, int measure, int level, int group,
                       size_t *index, const char *what)
{
    PL_CHECK_NULL(mc);
    if (mc->plan == NULL)
        return pl_error(PLANOMSORG_ESTATE, "%s: not a plan Monte Carlo (planomsorg_mc_new_plan())",
                        what);
    if (mc->n_draws == 0)
        return pl_error(PLANOMSORG_ESTATE, "%s: no Monte Carlo run yet", what);
    if (measure < 0 || measure >= PLANOMSORG_N_MEASURES)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown measure %d", what, measure);
    int yi = year - mc->first_year;
    if (yi < 0 || yi >= mc->n_years)
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d outside %d..%d", what, year,
                        mc->first_year, mc->first_year + mc->n_years - 1);
    *index = plan_index(mc, yi, measure, level, group);
    if (*index == SIZE_MAX)
        return pl_error(PLANOMSORG_ERANGE,
                        "%s: measure '%s' has no value for level %d and group %d (levels 0..%d, "
                        "groups 0..%d, or PLANOMSORG_PLAN_ALL, one of them at a time)",
                        what, planomsorg_plan_measure_name(measure), level, group, mc->K - 1,
                        mc->n_groups - 1);
    return PLANOMSORG_OK;
}

int planomsorg_mc_plan_draws(double *values, size_t n, const planomsorg_mc *mc, int year,
                             int measure, int level, int group)
{
    PL_CHECK_NULL(values);
    size_t i;
    int rc = plan_locate(mc, year, measure, level, group, &i, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    return copy_draws(values, n, mc->values + i * (size_t)mc->n_draws, mc->n_draws, __func__);
}

int planomsorg_mc_plan_quantile(double *out, const planomsorg_mc *mc, double prob, int year,
                                int measure, int level, int group)
{
    PL_CHECK_NULL(out);
    size_t i;
    int rc = plan_locate(mc, year, measure, level, group, &i, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    return quantile_of(out, mc->values + i * (size_t)mc->n_draws, mc->n_draws, prob, __func__);
}

int planomsorg_mc_plan_summary(double *central, double *mean, double *sd,
                               const planomsorg_mc *mc, int year, int measure, int level,
                               int group)
{
    size_t i;
    int rc = plan_locate(mc, year, measure, level, group, &i, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    double m, s;
    mean_sd(mc->values + i * (size_t)mc->n_draws, mc->n_draws, &m, &s);
    if (central != NULL)
        *central = mc->central[i];
    if (mean != NULL)
        *mean = m;
    if (sd != NULL)
        *sd = s;
    return PLANOMSORG_OK;
}

static void band_label(const planomsorg_mc *mc, int b, char *buf, size_t size)
{
    if (b == mc->n_bands)
        snprintf(buf, size, "all");
    else if (b == mc->n_bands - 1)
        snprintf(buf, size, "%d+", mc->band_lo[b]);
    else
        snprintf(buf, size, "%d-%d", mc->band_lo[b], mc->band_lo[b + 1] - 1);
}

static void write_stats(FILE *f, const double *col, int n, double *sorted, const double *probs,
                        size_t np)
{
    double m, s;
    mean_sd(col, n, &m, &s);
    memcpy(sorted, col, (size_t)n * sizeof *sorted);
    qsort(sorted, (size_t)n, sizeof *sorted, cmp_double);
    fprintf(f, ",%.17g,%.17g", m, s);
    for (size_t i = 0; i < np; i++)
        fprintf(f, ",%.17g", type7(sorted, n, probs[i]));
    fputc('\n', f);
}

/* Plan layout: the rows of planomsorg_plan_result_write_csv() (total, per level, per
 * group), each with the undrawn value and the statistics of the draws. */
static void plan_write_rows(FILE *f, const planomsorg_mc *mc, double *sorted, const double *probs,
                            size_t np)
{
    const planomsorg_staircase *sc = mc->plan->sc;
    const char *scen = planomsorg_scenario_name(mc->scen);
    int n = mc->n_draws;
    for (int t = 0; t < mc->n_years; t++)
        for (int m = 0; m < PLANOMSORG_N_MEASURES; m++) {
            int bl = 0, bg = 0;
            planomsorg_plan_measure_dims(&bl, &bg, m);
            int n_rows = 1 + (bl ? mc->K : 0) + (bg ? mc->n_groups : 0);
            for (int r = 0; r < n_rows; r++) {
                int level = PLANOMSORG_PLAN_ALL, group = PLANOMSORG_PLAN_ALL;
                if (r >= 1 && bl && r <= mc->K)
                    level = r - 1;
                else if (r >= 1)
                    group = r - 1 - (bl ? mc->K : 0);
                size_t i = plan_index(mc, t, m, level, group);
                fprintf(f, "%s,%d,%s,%s,%s,%.17g", scen, mc->first_year + t,
                        planomsorg_plan_measure_name(m),
                        level == PLANOMSORG_PLAN_ALL ? "all" : planomsorg_staircase_level_name(sc, level),
                        group == PLANOMSORG_PLAN_ALL ? "all" : mc->plan_groups[group],
                        mc->central[i]);
                write_stats(f, mc->values + i * (size_t)n, n, sorted, probs, np);
            }
        }
}

/* Population layout: users and queue by level and band, and the 24-hour coverage. */
static void population_write_rows(FILE *f, const planomsorg_mc *mc, double *sorted,
                                  const double *probs, size_t np)
{
    int K = mc->svc->sc.n_levels, n = mc->n_draws;
    char lab[32];
    for (int t = 0; t < mc->n_years; t++) {
        int year = mc->first_year + t;
        for (int m = PLANOMSORG_MC_USERS; m <= PLANOMSORG_MC_QUEUE; m++)
            for (int k = 0; k < K; k++)
                for (int b = 0; b <= mc->n_bands; b++) {
                    band_label(mc, b, lab, sizeof lab);
                    fprintf(f, "%d,%s,%s,%s,both", year, planomsorg_mc_measure_name(m),
                            mc->svc->sc.levels[k].name, lab);
                    write_stats(f, mc->values + measure_index(mc, m, t, k, b) * (size_t)n, n,
                                sorted, probs, np);
                }
        fprintf(f, "%d,coverage_24h,24h,80+,both", year);
        write_stats(f,
                    mc->values +
                        measure_index(mc, PLANOMSORG_MC_COVERAGE_24H, t, 0, 0) * (size_t)n,
                    n, sorted, probs, np);
    }
}

int planomsorg_mc_write_csv(const planomsorg_mc *mc, const char *path, const double *probs,
                            size_t n_probs)
{
    PL_CHECK_NULL(mc);
    PL_CHECK_NULL(path);
    static const double def[3] = {0.05, 0.5, 0.95};
    if (probs == NULL) {
        probs = def;
        n_probs = 3;
    }
    if (n_probs < 1 || n_probs > 99)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of probabilities %zu outside 1..99",
                        __func__, n_probs);
    for (size_t i = 0; i < n_probs; i++)
        if (!(probs[i] >= 0 && probs[i] <= 1))
            return pl_error(PLANOMSORG_EVALUE, "%s: probability %g outside [0, 1]", __func__,
                            probs[i]);
    if (mc->n_draws == 0)
        return pl_error(PLANOMSORG_ESTATE, "%s: no Monte Carlo run yet", __func__);
    double *sorted = malloc((size_t)mc->n_draws * sizeof *sorted);
    if (sorted == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    FILE *f;
    int rc = pl_file_create(&f, path, __func__);
    if (rc != PLANOMSORG_OK) {
        free(sorted);
        return rc;
    }
    if (mc->plan != NULL)
        fputs("scenario,year,measure,level,group,value,mean,sd", f);
    else
        fputs("year,measure,level,band,sex,mean,sd", f);
    for (size_t i = 0; i < n_probs; i++) {
        double pc = 100 * probs[i];
        if (pc == floor(pc) && pc < 10)
            fprintf(f, ",p0%.0f", pc);
        else
            fprintf(f, ",p%g", pc);
    }
    fputc('\n', f);
    if (mc->plan != NULL)
        plan_write_rows(f, mc, sorted, probs, n_probs);
    else
        population_write_rows(f, mc, sorted, probs, n_probs);
    free(sorted);
    return pl_file_finish(f, PLANOMSORG_OK, path, __func__);
}

static const char *const dist_names[PLANOMSORG_N_DISTS] = {
    "fixed", "normal", "lognormal", "beta", "uniform", "triangular", "split_normal"};

const char *planomsorg_dist_name(int dist)
{
    return dist >= 0 && dist < PLANOMSORG_N_DISTS ? dist_names[dist] : NULL;
}

int planomsorg_dist_find(int *dist, const char *name)
{
    PL_CHECK_NULL(dist);
    PL_CHECK_NULL(name);
    return pl_find_name(dist, dist_names, PLANOMSORG_N_DISTS, name, "distribution", __func__);
}

const char *planomsorg_mc_noise_name(unsigned flag)
{
    return flag == PLANOMSORG_MC_NOISE_POPULATION ? "population"
           : flag == PLANOMSORG_MC_NOISE_USERS    ? "users"
                                                  : NULL;
}

const char *planomsorg_mc_measure_name(int measure)
{
    static const char *const names[PLANOMSORG_MC_N_MEASURES] = {"users", "queue", "coverage_24h"};
    return measure >= 0 && measure < PLANOMSORG_MC_N_MEASURES ? names[measure] : NULL;
}
