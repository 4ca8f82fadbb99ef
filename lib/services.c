/* Service projection: constant-standard rates and the population-coupled Markov staircase
 * with capacity limits, dreining, family care and healthier ageing.
 * Method and formulas: docs/methods/staircase.md. */
#include "staircase_internal.h"

#include "check.h"
#include "error.h"
#include "population_internal.h"
#include "planomsorg/data.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHARE_TOL 1e-9

int planomsorg_services_new(planomsorg_services **out, const planomsorg_staircase *sc)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(sc);
    int residual = -1, n_none = 0;
    for (int k = 0; k < sc->n_levels; k++)
        if (sc->levels[k].kind == PLANOMSORG_LEVEL_KIND_NONE) {
            residual = k;
            n_none++;
        }
    if (sc->n_levels < 1 || n_none != 1)
        return pl_error(PLANOMSORG_ECONSISTENCY,
                        "planomsorg_services_new: the staircase has %d levels of kind none; exactly "
                        "one (the residual level) is needed",
                        n_none);
    planomsorg_services *svc = calloc(1, sizeof *svc);
    if (svc == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_services_new: out of memory");
    svc->sc = *sc;
    svc->residual = residual;
    svc->mode = PLANOMSORG_MODE_RATES;
    svc->birth[residual] = 1.0;
    *out = svc;
    return PLANOMSORG_OK;
}

void planomsorg_services_free(planomsorg_services *svc)
{
    if (svc == NULL)
        return;
    free(svc->rates);
    planomsorg_transitions_free(svc->tr);
    free(svc->q);
    free(svc->shares);
    for (int k = 0; k < PLANOMSORG_MAX_LEVELS; k++) {
        pl_path_clear(&svc->capacity[k]);
        pl_path_clear(&svc->dreining[k]);
    }
    pl_path_clear(&svc->family);
    free(svc->delta_le);
    free(svc);
}

const planomsorg_staircase *planomsorg_services_staircase(const planomsorg_services *svc)
{
    return svc == NULL ? NULL : &svc->sc;
}

int planomsorg_services_set_mode(planomsorg_services *svc, int mode)
{
    PL_CHECK_NULL(svc);
    if (mode != PLANOMSORG_MODE_RATES && mode != PLANOMSORG_MODE_MARKOV)
        return pl_error(PLANOMSORG_EINVAL, "planomsorg_services_set_mode: unknown mode %d", mode);
    svc->mode = mode;
    return PLANOMSORG_OK;
}

const char *planomsorg_mode_name(int mode)
{
    switch (mode) {
    case PLANOMSORG_MODE_RATES:
        return "rates";
    case PLANOMSORG_MODE_MARKOV:
        return "markov";
    default:
        return NULL;
    }
}

/* Replaces *slot by a copy of the n values at src; *slot is unchanged when memory runs out. */
static int replace_copy(double **slot, const double *src, size_t n, const char *function)
{
    double *copy = malloc(n * sizeof *copy);
    if (copy == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", function);
    memcpy(copy, src, n * sizeof *copy);
    free(*slot);
    *slot = copy;
    return PLANOMSORG_OK;
}

int planomsorg_services_set_rates(planomsorg_services *svc, const double *rates, size_t n,
                                  const int *band_lo, size_t n_bands)
{
    PL_CHECK_NULL(svc);
    PL_CHECK_NULL(rates);
    int rc = pl_check_bands(band_lo, n_bands, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int K = svc->sc.n_levels;
    size_t need = (size_t)K * n_bands * 2;
    if (n != need)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_services_set_rates: %zu rates given, %zu (levels x bands x 2) needed",
                        n, need);
    for (size_t b = 0; b < n_bands; b++)
        for (int s = 0; s < 2; s++) {
            double sum = 0;
            for (int k = 0; k < K; k++) {
                double r = rates[((size_t)k * n_bands + b) * 2 + (size_t)s];
                if (!(r >= 0.0 && r <= 1.0))
                    return pl_error(PLANOMSORG_EVALUE,
                                    "planomsorg_services_set_rates: rate %g of level %d (%s), band from "
                                    "age %d, sex %s is not in [0, 1]",
                                    r, k, svc->sc.levels[k].name, band_lo[b], planomsorg_sex_name(s));
                if (k != svc->residual)
                    sum += r;
            }
            if (sum > 1.0 + SHARE_TOL)
                return pl_error(PLANOMSORG_EVALUE,
                                "planomsorg_services_set_rates: rates of band from age %d, sex %s sum "
                                "to %g, above 1",
                                band_lo[b], planomsorg_sex_name(s), sum);
        }
    rc = replace_copy(&svc->rates, rates, need, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (size_t b = 0; b < n_bands; b++)
        for (int s = 0; s < 2; s++)
            svc->rates[((size_t)svc->residual * n_bands + b) * 2 + (size_t)s] = 0.0;
    svc->n_rate_bands = (int)n_bands;
    memcpy(svc->rate_band_lo, band_lo, n_bands * sizeof *band_lo);
    return PLANOMSORG_OK;
}

int planomsorg_services_set_rates_from_users(planomsorg_services *svc, const double *users,
                                             size_t n, const int *band_lo, size_t n_bands,
                                             const planomsorg_population *pop, int year)
{
    PL_CHECK_NULL(svc);
    PL_CHECK_NULL(users);
    PL_CHECK_NULL(pop);
    int rc = pl_check_bands(band_lo, n_bands, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = pl_population_check_year(pop, year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int K = svc->sc.n_levels;
    if (n != (size_t)K * n_bands)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_services_set_rates_from_users: %zu counts given, %zu (levels x "
                        "bands) needed",
                        n, (size_t)K * n_bands);
    double *rates = malloc((size_t)K * n_bands * 2 * sizeof *rates);
    if (rates == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_services_set_rates_from_users: out of memory");
    for (size_t b = 0; b < n_bands; b++) {
        int lo = band_lo[b];
        int hi = b + 1 < n_bands ? band_lo[b + 1] - 1 : PLANOMSORG_AGE_OPEN;
        double persons = 0;
        if (lo <= pop->max_age) {
            if (hi > pop->max_age)
                hi = PLANOMSORG_AGE_OPEN;
            rc = planomsorg_population_sum(pop, year, PLANOMSORG_SEX_BOTH, lo, hi, &persons);
            if (rc != PLANOMSORG_OK) {
                free(rates);
                return rc;
            }
        }
        for (int k = 0; k < K; k++) {
            double u = users[(size_t)k * n_bands + b];
            if (!isfinite(u) || u < 0) {
                free(rates);
                return pl_error(PLANOMSORG_EVALUE,
                                "planomsorg_services_set_rates_from_users: users %g of level %d, band "
                                "from age %d (must be finite and >= 0)",
                                u, k, lo);
            }
            double r = 0;
            if (k != svc->residual && u > 0) {
                if (!(persons > 0)) {
                    free(rates);
                    return pl_error(PLANOMSORG_ENUMERIC,
                                    "planomsorg_services_set_rates_from_users: band from age %d has "
                                    "users of level %d but no population in %d",
                                    lo, k, year);
                }
                r = u / persons;
            }
            rates[((size_t)k * n_bands + b) * 2] = r;
            rates[((size_t)k * n_bands + b) * 2 + 1] = r;
        }
    }
    rc = planomsorg_services_set_rates(svc, rates, (size_t)K * n_bands * 2, band_lo, n_bands);
    free(rates);
    return rc;
}

/* ---- Default staircase from KOSTRA (docs/methods/staircase.md, "Default rates") ---- */

/* Level 1 (safety alarm, day centre, welfare technology) users per person by KOSTRA band:
 * an assumption, no national source in the project; replace with the municipality's own. */
static const double low_threshold_rate[PLANOMSORG_N_KOSTRA_BANDS] = {0.002, 0.03, 0.12};
/* Share of home-service users below 24-hour housing who live in sheltered housing
 * (omsorgsbolig): an assumption (see the method page). */
#define HOUSING_SHARE 0.10
/* Share of the remaining home-service users who get home nursing: 220 152 recipients of
 * home health services (2015) over about 5/6 of 355 635 recipients (2016), Omsorg 2020
 * annual report 2016 (Helsedirektoratet). */
#define HOME_NURSING_SHARE 0.743
/* Short-term stays per long-term stay: short-term places were 17 % of institution places
 * in 2016 (same report), 0.17 / 0.83. */
#define SHORT_TERM_RATIO (0.17 / 0.83)

static int kostra_cell(double *out, const char *region, int year, int indicator)
{
    int rc = planomsorg_data_kostra(out, region, year, indicator);
    if (rc == PLANOMSORG_OK && isnan(*out))
        rc = PLANOMSORG_EMISSING;
    return rc;
}

/* Lower ages of the KOSTRA bands 0-66, 67-79, 80+. */
static const int kostra_band_lo[PLANOMSORG_N_KOSTRA_BANDS] = {0, 67, 80};

static int kostra_band_persons(double *persons, const planomsorg_population *pop, int year,
                               int band)
{
    int hi = band + 1 < PLANOMSORG_N_KOSTRA_BANDS ? kostra_band_lo[band + 1] - 1
                                                   : PLANOMSORG_AGE_OPEN;
    return planomsorg_population_sum(pop, year, PLANOMSORG_SEX_BOTH, kostra_band_lo[band], hi,
                                     persons);
}

/* What Norway's rate gives for the region's persons: count(Norway) * persons(region) /
 * persons(Norway), over one KOSTRA band (band >= 0) or all ages (band < 0). */
static int kostra_national_rate(double *out, const planomsorg_population *pop, int year,
                                int indicator, int band)
{
    planomsorg_population *norway = NULL;
    double count, region_persons, norway_persons;
    int rc = kostra_cell(&count, NULL, year, indicator);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_data_population(&norway, NULL);
    if (rc == PLANOMSORG_OK && band >= 0) {
        rc = kostra_band_persons(&region_persons, pop, year, band);
        if (rc == PLANOMSORG_OK)
            rc = kostra_band_persons(&norway_persons, norway, year, band);
    } else if (rc == PLANOMSORG_OK) {
        rc = planomsorg_population_band(pop, year, PLANOMSORG_SEX_BOTH, PLANOMSORG_BAND_ALL,
                                        &region_persons);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_population_band(norway, year, PLANOMSORG_SEX_BOTH,
                                            PLANOMSORG_BAND_ALL, &norway_persons);
    }
    planomsorg_population_free(norway);
    if (rc == PLANOMSORG_OK)
        *out = norway_persons > 0 ? count * region_persons / norway_persons : 0.0;
    return rc;
}

/* Reads a total and its three bands. SSB suppresses small cells: one missing band is the
 * total minus the others; several missing bands share that remainder in proportion to
 * Norway's counts of the same bands; when the total is suppressed too (fewer than about 5
 * persons), every band is what Norway's band rate gives for the region's population
 * (docs/methods/staircase.md). */
static int kostra_bands(double band[3], const char *region, const planomsorg_population *pop,
                        int year, int total_ind, int first_band_ind)
{
    double total = NAN;
    int rc_total = kostra_cell(&total, region, year, total_ind);
    int missing[3], n_missing = 0;
    for (int b = 0; b < 3; b++) {
        int rc = kostra_cell(&band[b], region, year, first_band_ind + b);
        if (rc == PLANOMSORG_EMISSING) {
            missing[n_missing++] = b;
            continue;
        }
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    if (n_missing == 0)
        return PLANOMSORG_OK;
    if (rc_total == PLANOMSORG_EMISSING) {
        for (int b = 0; b < 3; b++) {
            int rc = kostra_national_rate(&band[b], pop, year, first_band_ind + b, b);
            if (rc != PLANOMSORG_OK)
                return rc;
        }
        return PLANOMSORG_OK;
    }
    if (rc_total != PLANOMSORG_OK)
        return rc_total;
    double other = 0;
    for (int b = 0; b < 3; b++)
        if (band[b] == band[b]) /* not NaN: known */
            other += band[b];
    double rest = total > other ? total - other : 0.0;
    double weight[3] = {1, 1, 1}, wsum = 0;
    if (n_missing > 1) {
        for (int i = 0; i < n_missing; i++) {
            int rc = kostra_cell(&weight[i], NULL, year, first_band_ind + missing[i]);
            if (rc != PLANOMSORG_OK)
                return rc;
        }
    }
    for (int i = 0; i < n_missing; i++)
        wsum += weight[i];
    for (int i = 0; i < n_missing; i++)
        band[missing[i]] = wsum > 0 ? rest * weight[i] / wsum : rest / n_missing;
    return PLANOMSORG_OK;
}

/* The embedded population of the region on 1 January of the KOSTRA year (the KOSTRA
 * panels' convention: users at 31 December Y over persons on 1 January Y). */
static int kostra_population(planomsorg_population **pop, const char *region, int year)
{
    int rc = planomsorg_data_population(pop, region);
    if (rc != PLANOMSORG_OK)
        return rc;
    int first = planomsorg_population_first_year(*pop);
    int last = first + planomsorg_population_n_years(*pop) - 1;
    if (year < first || year > last) {
        planomsorg_population_free(*pop);
        *pop = NULL;
        return pl_error(PLANOMSORG_ENOTFOUND,
                        "planomsorg_services_kostra_users: no embedded population for %d", year);
    }
    return PLANOMSORG_OK;
}

/* Users [level][band] of the default staircase (planomsorg_services_kostra_users); the
 * population they were counted against goes to *pop_out when it is not NULL. */
static int kostra_users(double *users, const char *region, int year,
                        planomsorg_population **pop_out)
{
    double home[3], lt[3], h24 = NAN;
    planomsorg_population *pop = NULL;
    int rc = kostra_population(&pop, region, year);
    if (rc == PLANOMSORG_OK)
        rc = kostra_bands(home, region, pop, year, PLANOMSORG_KOSTRA_HOME_USERS,
                          PLANOMSORG_KOSTRA_HOME_USERS_0_66);
    if (rc == PLANOMSORG_OK)
        rc = kostra_bands(lt, region, pop, year, PLANOMSORG_KOSTRA_LONGTERM,
                          PLANOMSORG_KOSTRA_LONGTERM_0_66);
    if (rc == PLANOMSORG_OK) {
        rc = kostra_cell(&h24, region, year, PLANOMSORG_KOSTRA_HOUSING24);
        if (rc == PLANOMSORG_EMISSING)
            rc = kostra_national_rate(&h24, pop, year, PLANOMSORG_KOSTRA_HOUSING24, -1);
    }
    if (rc != PLANOMSORG_OK) {
        planomsorg_population_free(pop);
        return rc;
    }
    double lt_total = lt[0] + lt[1] + lt[2];
    double out[PLANOMSORG_N_DEFAULT_LEVELS][3];
    for (int b = 0; b < 3; b++) {
        double persons = 0;
        rc = kostra_band_persons(&persons, pop, year, b);
        if (rc != PLANOMSORG_OK)
            break;
        /* 24-hour housing has no age split: give it the long-term residents' age mix. */
        double l5 = lt_total > 0 ? h24 * lt[b] / lt_total : h24 / 3.0;
        if (l5 > home[b])
            l5 = home[b];
        double rest = home[b] - l5;
        double l4 = HOUSING_SHARE * rest;
        rest -= l4;
        out[PLANOMSORG_LEVEL_NONE][b] = 0;
        out[PLANOMSORG_LEVEL_LOW_THRESHOLD][b] = low_threshold_rate[b] * persons;
        out[PLANOMSORG_LEVEL_PRACTICAL][b] = (1.0 - HOME_NURSING_SHARE) * rest;
        out[PLANOMSORG_LEVEL_HOME_NURSING][b] = HOME_NURSING_SHARE * rest;
        out[PLANOMSORG_LEVEL_HOUSING][b] = l4;
        out[PLANOMSORG_LEVEL_HOUSING24][b] = l5;
        out[PLANOMSORG_LEVEL_SHORT_TERM][b] = SHORT_TERM_RATIO * lt[b];
        out[PLANOMSORG_LEVEL_LONG_TERM][b] = lt[b];
        /* Never more users than persons: trim the low-threshold level first. */
        double sum = 0;
        for (int k = 1; k < PLANOMSORG_N_DEFAULT_LEVELS; k++)
            sum += out[k][b];
        if (sum > persons) {
            double cut = sum - persons;
            double l1 = out[PLANOMSORG_LEVEL_LOW_THRESHOLD][b];
            out[PLANOMSORG_LEVEL_LOW_THRESHOLD][b] = l1 > cut ? l1 - cut : 0.0;
        }
    }
    if (rc != PLANOMSORG_OK || pop_out == NULL)
        planomsorg_population_free(pop);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (pop_out != NULL)
        *pop_out = pop;
    for (int k = 0; k < PLANOMSORG_N_DEFAULT_LEVELS; k++)
        for (int b = 0; b < 3; b++)
            users[k * 3 + b] = out[k][b];
    return PLANOMSORG_OK;
}

int planomsorg_services_kostra_users(double *users, size_t n, const char *region, int year)
{
    PL_CHECK_NULL(users);
    if (n != PLANOMSORG_N_DEFAULT_LEVELS * PLANOMSORG_N_KOSTRA_BANDS)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_services_kostra_users: array of %zu, %d needed", n,
                        PLANOMSORG_N_DEFAULT_LEVELS * PLANOMSORG_N_KOSTRA_BANDS);
    return kostra_users(users, region, year, NULL);
}

static int is_default_staircase(const planomsorg_staircase *sc)
{
    planomsorg_staircase *d = NULL;
    if (planomsorg_staircase_new_default(&d) != PLANOMSORG_OK)
        return 0;
    int same = sc->n_levels == d->n_levels;
    for (int k = 0; same && k < d->n_levels; k++)
        same = sc->levels[k].kind == d->levels[k].kind;
    planomsorg_staircase_free(d);
    return same;
}

int pl_services_kostra_imputed(const char *region, int year)
{
    static const int totals[3] = {PLANOMSORG_KOSTRA_HOME_USERS, PLANOMSORG_KOSTRA_LONGTERM,
                                  PLANOMSORG_KOSTRA_HOUSING24};
    for (int i = 0; i < 3; i++) {
        double v;
        if (kostra_cell(&v, region, year, totals[i]) == PLANOMSORG_EMISSING)
            return 1;
    }
    return 0;
}

int planomsorg_services_set_rates_kostra(planomsorg_services *svc, const char *region, int year)
{
    PL_CHECK_NULL(svc);
    if (!is_default_staircase(&svc->sc))
        return pl_error(PLANOMSORG_ECONSISTENCY,
                        "planomsorg_services_set_rates_kostra: the staircase does not have the "
                        "levels and kinds of the default staircase");
    double users[PLANOMSORG_N_DEFAULT_LEVELS * PLANOMSORG_N_KOSTRA_BANDS];
    planomsorg_population *pop = NULL;
    int rc = kostra_users(users, region, year, &pop);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = planomsorg_services_set_rates_from_users(svc, users, sizeof users / sizeof users[0],
                                                  kostra_band_lo, PLANOMSORG_N_KOSTRA_BANDS,
                                                  pop, year);
    planomsorg_population_free(pop);
    return rc;
}

void pl_services_rates_at(const planomsorg_services *svc, int sex, double age, double *r)
{
    int K = svc->sc.n_levels, nb = svc->n_rate_bands;
    if (age < 0)
        age = 0;
    int a0 = (int)floor(age);
    double f = age - a0;
    int b0 = pl_band_of_age(svc->rate_band_lo, nb, a0);
    int b1 = pl_band_of_age(svc->rate_band_lo, nb, a0 + 1);
    for (int k = 0; k < K; k++) {
        double r0 = svc->rates[((size_t)k * nb + b0) * 2 + sex];
        double r1 = svc->rates[((size_t)k * nb + b1) * 2 + sex];
        r[k] = (1.0 - f) * r0 + f * r1;
    }
}

int planomsorg_services_get_rates(double *rates, size_t n, const planomsorg_services *svc,
                                  int max_age)
{
    PL_CHECK_NULL(rates);
    PL_CHECK_NULL(svc);
    if (max_age < 1 || max_age > PLANOMSORG_MAX_AGE_LIMIT)
        return pl_error(PLANOMSORG_ERANGE, "planomsorg_services_get_rates: max age %d outside 1..%d",
                        max_age, PLANOMSORG_MAX_AGE_LIMIT);
    int K = svc->sc.n_levels;
    size_t need = (size_t)K * (size_t)(max_age + 1) * 2;
    if (n != need)
        return pl_error(PLANOMSORG_EDIMENSION, "planomsorg_services_get_rates: array of %zu, %zu needed",
                        n, need);
    if (svc->rates == NULL)
        return pl_error(PLANOMSORG_ESTATE, "planomsorg_services_get_rates: no rates set");
    double r[PLANOMSORG_MAX_LEVELS];
    for (int a = 0; a <= max_age; a++)
        for (int s = 0; s < 2; s++) {
            pl_services_rates_at(svc, s, a, r);
            for (int k = 0; k < K; k++)
                rates[((size_t)k * (size_t)(max_age + 1) + (size_t)a) * 2 + (size_t)s] = r[k];
        }
    return PLANOMSORG_OK;
}

int planomsorg_services_set_transitions(planomsorg_services *svc, const planomsorg_transitions *tr)
{
    PL_CHECK_NULL(svc);
    PL_CHECK_NULL(tr);
    if (tr->n_levels != svc->sc.n_levels)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_services_set_transitions: transitions have %d levels, the "
                        "staircase %d",
                        tr->n_levels, svc->sc.n_levels);
    planomsorg_transitions *copy = NULL;
    int rc = planomsorg_transitions_copy(&copy, tr);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_transitions_free(svc->tr);
    svc->tr = copy;
    return PLANOMSORG_OK;
}

int planomsorg_services_set_death_probabilities(planomsorg_services *svc, const double *q,
                                                size_t n, int first_year, int n_years,
                                                int max_age)
{
    PL_CHECK_NULL(svc);
    PL_CHECK_NULL(q);
    if (n_years < 1 || n_years > 500)
        return pl_error(PLANOMSORG_ERANGE,
                        "planomsorg_services_set_death_probabilities: number of years %d outside 1..500",
                        n_years);
    int rc = pl_check_year_range(first_year, "first year", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (max_age < 1 || max_age > PLANOMSORG_MAX_AGE_LIMIT)
        return pl_error(PLANOMSORG_ERANGE,
                        "planomsorg_services_set_death_probabilities: max age %d outside 1..%d",
                        max_age, PLANOMSORG_MAX_AGE_LIMIT);
    size_t need = (size_t)n_years * 2 * (size_t)(max_age + 1);
    if (n != need)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_services_set_death_probabilities: %zu values given, %zu needed", n,
                        need);
    for (size_t i = 0; i < n; i++)
        if (!(q[i] >= 0.0 && q[i] <= 1.0)) {
            size_t a = i % (size_t)(max_age + 1), s = (i / (size_t)(max_age + 1)) % 2;
            size_t y = i / (2 * (size_t)(max_age + 1));
            return pl_error(PLANOMSORG_EVALUE,
                            "planomsorg_services_set_death_probabilities: q = %g in %zu, sex %s, age "
                            "%zu is not a probability",
                            q[i], (size_t)first_year + y, planomsorg_sex_name((int)s), a);
        }
    rc = replace_copy(&svc->q, q, need, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    svc->q_first_year = first_year;
    svc->q_n_years = n_years;
    svc->q_max_age = max_age;
    return PLANOMSORG_OK;
}

static int check_distribution(const double *d, int K, const char *what, const char *where)
{
    double sum = 0;
    for (int k = 0; k < K; k++) {
        if (!(d[k] >= 0.0 && d[k] <= 1.0))
            return pl_error(PLANOMSORG_EVALUE, "%s: %s: share %g of level %d is not in [0, 1]", what,
                            where, d[k], k);
        sum += d[k];
    }
    if (fabs(sum - 1.0) > SHARE_TOL)
        return pl_error(PLANOMSORG_EVALUE, "%s: %s: shares sum to %.17g, not 1", what, where, sum);
    return PLANOMSORG_OK;
}

int planomsorg_services_set_initial_shares(planomsorg_services *svc, const double *shares,
                                           size_t n, int max_age)
{
    PL_CHECK_NULL(svc);
    PL_CHECK_NULL(shares);
    if (max_age < 1 || max_age > PLANOMSORG_MAX_AGE_LIMIT)
        return pl_error(PLANOMSORG_ERANGE,
                        "planomsorg_services_set_initial_shares: max age %d outside 1..%d", max_age,
                        PLANOMSORG_MAX_AGE_LIMIT);
    int K = svc->sc.n_levels;
    size_t need = 2 * (size_t)(max_age + 1) * (size_t)K;
    if (n != need)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_services_set_initial_shares: %zu values given, %zu needed", n, need);
    for (int s = 0; s < 2; s++)
        for (int a = 0; a <= max_age; a++) {
            char where[48];
            snprintf(where, sizeof where, "sex %s, age %d", planomsorg_sex_name(s), a);
            int rc = check_distribution(shares + ((size_t)s * (size_t)(max_age + 1) + (size_t)a) * (size_t)K,
                                        K, __func__, where);
            if (rc != PLANOMSORG_OK)
                return rc;
        }
    int rc = replace_copy(&svc->shares, shares, need, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    svc->shares_max_age = max_age;
    return PLANOMSORG_OK;
}

int planomsorg_services_set_birth_distribution(planomsorg_services *svc, const double *dist,
                                               size_t n)
{
    PL_CHECK_NULL(svc);
    PL_CHECK_NULL(dist);
    if (n != (size_t)svc->sc.n_levels)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_services_set_birth_distribution: %zu shares given, %d levels", n,
                        svc->sc.n_levels);
    int rc = check_distribution(dist, svc->sc.n_levels, __func__, "newborns");
    if (rc == PLANOMSORG_OK)
        memcpy(svc->birth, dist, n * sizeof *dist);
    return rc;
}

static int check_lever_level(const planomsorg_services *svc, int level, const char *function)
{
    if (level < 0 || level >= svc->sc.n_levels)
        return pl_error(PLANOMSORG_ERANGE, "%s: level %d outside 0..%d", function, level,
                        svc->sc.n_levels - 1);
    if (level == svc->residual)
        return pl_error(PLANOMSORG_ECONSISTENCY,
                        "%s: level %d (%s) is the residual level and cannot be capped or shifted",
                        function, level, svc->sc.levels[level].name);
    return PLANOMSORG_OK;
}

/* Sets the path of a capped or shifted level (paths[level]) after checking the level. */
static int set_level_path(planomsorg_services *svc, struct pl_path *paths, int level,
                          const double *values, int first_year, int n_years, const char *function)
{
    int rc = check_lever_level(svc, level, function);
    if (rc != PLANOMSORG_OK)
        return rc;
    return pl_path_set(&paths[level], values, first_year, n_years, function);
}

int planomsorg_services_set_capacity(planomsorg_services *svc, int level, const double *places,
                                     int first_year, int n_years)
{
    PL_CHECK_NULL(svc);
    return set_level_path(svc, svc->capacity, level, places, first_year, n_years, __func__);
}

int planomsorg_services_set_dreining(planomsorg_services *svc, int level, const double *factors,
                                     int first_year, int n_years)
{
    PL_CHECK_NULL(svc);
    return set_level_path(svc, svc->dreining, level, factors, first_year, n_years, __func__);
}

int planomsorg_services_set_family_care(planomsorg_services *svc, const double *multipliers,
                                        int first_year, int n_years)
{
    PL_CHECK_NULL(svc);
    return pl_path_set(&svc->family, multipliers, first_year, n_years, __func__);
}

int planomsorg_services_set_healthy_ageing(planomsorg_services *svc, double theta,
                                           const double *delta_le, int first_year, int n_years)
{
    PL_CHECK_NULL(svc);
    if (!(theta >= 0.0 && theta <= 1.0))
        return pl_error(PLANOMSORG_EVALUE,
                        "planomsorg_services_set_healthy_ageing: theta %g is not in [0, 1]", theta);
    if (n_years < 0 || n_years > 500)
        return pl_error(PLANOMSORG_ERANGE,
                        "planomsorg_services_set_healthy_ageing: number of years %d outside 0..500",
                        n_years);
    double *copy = NULL;
    if (n_years > 0) {
        PL_CHECK_NULL(delta_le);
        int rc = pl_check_year_range(first_year, "first year", __func__);
        if (rc != PLANOMSORG_OK)
            return rc;
        for (int i = 0; i < 2 * n_years; i++)
            if (!isfinite(delta_le[i]))
                return pl_error(PLANOMSORG_EVALUE,
                                "planomsorg_services_set_healthy_ageing: delta LE %g in %d, sex %s is "
                                "not finite",
                                delta_le[i], first_year + i / 2, planomsorg_sex_name(i % 2));
        copy = malloc((size_t)n_years * 2 * sizeof *copy);
        if (copy == NULL)
            return pl_error(PLANOMSORG_ENOMEM, "planomsorg_services_set_healthy_ageing: out of memory");
        memcpy(copy, delta_le, (size_t)n_years * 2 * sizeof *copy);
    }
    free(svc->delta_le);
    svc->delta_le = copy;
    svc->theta = theta;
    svc->le_first_year = first_year;
    svc->le_n_years = n_years;
    return PLANOMSORG_OK;
}
