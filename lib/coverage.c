/* Coverage rates (dekningsgrad), places for a target, and direct age standardisation.
 * Formulas and sources: docs/methods/coverage.md. */
#include "planomsorg/coverage.h"

#include "error.h"
#include "population_internal.h"

#include <math.h>
#include <stdlib.h>

static int check_count(double value, const char *what, size_t index, const char *function)
{
    if (!isfinite(value) || value < 0)
        return pl_error(PLANOMSORG_EVALUE, "%s: %s[%zu] = %g is not a finite non-negative number",
                        function, what, index, value);
    return PLANOMSORG_OK;
}

static int check_target(double target, const char *function)
{
    if (!(target >= 0 && target <= 1))
        return pl_error(PLANOMSORG_EVALUE, "%s: target rate %g is not a fraction in [0, 1]",
                        function, target);
    return PLANOMSORG_OK;
}

/* Both sexes' persons in [age_lo, age_hi] of one year, after checking year and band. */
static int band_persons(const planomsorg_population *pop, int year, int age_lo, int age_hi,
                        double *persons, const char *function)
{
    int hi;
    int rc = pl_population_check_year(pop, year, function);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_band(pop, age_lo, age_hi, &hi, function);
    if (rc != PLANOMSORG_OK)
        return rc;
    int y = year - pop->first_year;
    double sum = 0;
    for (int s = 0; s < PLANOMSORG_N_SEXES; s++) {
        const double *row = pl_population_row(pop, y, s);
        for (int a = age_lo; a <= hi; a++)
            sum += row[a];
    }
    *persons = sum;
    return PLANOMSORG_OK;
}

static int empty_band(int year, int age_lo, int age_hi, const char *function)
{
    if (age_hi == PLANOMSORG_AGE_OPEN)
        return pl_error(PLANOMSORG_ENUMERIC, "%s: the population aged %d+ in %d is zero",
                        function, age_lo, year);
    return pl_error(PLANOMSORG_ENUMERIC, "%s: the population aged %d-%d in %d is zero",
                    function, age_lo, age_hi, year);
}

/* Checks that every year first_year .. first_year + n_years - 1 is held. */
static int check_years(const planomsorg_population *pop, int first_year, size_t n_years,
                       const char *function)
{
    if (n_years == 0)
        return pl_error(PLANOMSORG_EINVAL, "%s: the number of years must be at least 1", function);
    if (n_years > (size_t)pop->n_years)
        return pl_error(PLANOMSORG_ERANGE, "%s: %zu years requested but the population holds %d "
                        "(%d..%d)", function, n_years, pop->n_years, pop->first_year,
                        pop->first_year + pop->n_years - 1);
    int rc = pl_population_check_year(pop, first_year, function);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_year(pop, first_year + (int)n_years - 1, function);
    return rc;
}

int planomsorg_coverage_rate(double *out, double count, const planomsorg_population *pop,
                             int year, int age_lo, int age_hi)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(pop);
    if (!isfinite(count) || count < 0)
        return pl_error(PLANOMSORG_EVALUE, "%s: count %g is not a finite non-negative number",
                        __func__, count);
    double persons;
    int rc = band_persons(pop, year, age_lo, age_hi, &persons, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (persons <= 0)
        return empty_band(year, age_lo, age_hi, __func__);
    *out = count / persons;
    return PLANOMSORG_OK;
}

int planomsorg_coverage_required(double *out, double target, const planomsorg_population *pop,
                                 int year, int age_lo, int age_hi)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(pop);
    int rc = check_target(target, __func__);
    double persons;
    if (rc == PLANOMSORG_OK)
        rc = band_persons(pop, year, age_lo, age_hi, &persons, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *out = target * persons;
    return PLANOMSORG_OK;
}

int planomsorg_coverage_path(double *out, const double *capacity, size_t n_years,
                             const planomsorg_population *pop, int first_year, int age_lo,
                             int age_hi)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(capacity);
    PL_CHECK_NULL(pop);
    int rc = check_years(pop, first_year, n_years, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    /* Check everything before writing, so that a failure leaves out untouched. */
    for (size_t t = 0; t < n_years; t++) {
        double persons;
        rc = check_count(capacity[t], "capacity", t, __func__);
        if (rc == PLANOMSORG_OK)
            rc = band_persons(pop, first_year + (int)t, age_lo, age_hi, &persons, __func__);
        if (rc != PLANOMSORG_OK)
            return rc;
        if (persons <= 0)
            return empty_band(first_year + (int)t, age_lo, age_hi, __func__);
    }
    for (size_t t = 0; t < n_years; t++) {
        double persons;
        band_persons(pop, first_year + (int)t, age_lo, age_hi, &persons, __func__);
        out[t] = capacity[t] / persons;
    }
    return PLANOMSORG_OK;
}

int planomsorg_coverage_first_below(int *year, const double *path, size_t n_years,
                                    int first_year, double target)
{
    PL_CHECK_NULL(year);
    PL_CHECK_NULL(path);
    if (n_years == 0)
        return pl_error(PLANOMSORG_EINVAL, "%s: the number of years must be at least 1", __func__);
    if (isnan(target))
        return pl_error(PLANOMSORG_EVALUE, "%s: target rate is NaN", __func__);
    for (size_t t = 0; t < n_years; t++)
        if (isnan(path[t]))
            return pl_error(PLANOMSORG_EVALUE, "%s: path[%zu] (year %d) is NaN", __func__, t,
                            first_year + (int)t);
    for (size_t t = 0; t < n_years; t++) {
        if (path[t] < target) {
            *year = first_year + (int)t;
            return PLANOMSORG_OK;
        }
    }
    *year = PLANOMSORG_NO_YEAR;
    return PLANOMSORG_OK;
}

int planomsorg_coverage_places_to_add(double *added, double current_places, double target,
                                      size_t n_years, const planomsorg_population *pop,
                                      int first_year, int age_lo, int age_hi)
{
    PL_CHECK_NULL(added);
    PL_CHECK_NULL(pop);
    int rc = check_count(current_places, "current_places", 0, __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_target(target, __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_years(pop, first_year, n_years, __func__);
    double persons;
    if (rc == PLANOMSORG_OK) /* the band is the same every year: check it once */
        rc = band_persons(pop, first_year, age_lo, age_hi, &persons, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    double capacity = current_places;
    for (size_t t = 0; t < n_years; t++) {
        band_persons(pop, first_year + (int)t, age_lo, age_hi, &persons, __func__);
        double required = target * persons;
        double next = required > capacity ? required : capacity;
        added[t] = next - capacity;
        capacity = next;
    }
    return PLANOMSORG_OK;
}

int planomsorg_standardise_direct(double *out, const double *rates, const double *weights,
                                  size_t n_bands)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(rates);
    PL_CHECK_NULL(weights);
    if (n_bands == 0)
        return pl_error(PLANOMSORG_EINVAL, "%s: the number of bands must be at least 1", __func__);
    double sum_w = 0, sum_rw = 0;
    for (size_t i = 0; i < n_bands; i++) {
        if (!isfinite(rates[i]))
            return pl_error(PLANOMSORG_EVALUE, "%s: rates[%zu] = %g is not finite", __func__, i,
                            rates[i]);
        int rc = check_count(weights[i], "weights", i, __func__);
        if (rc != PLANOMSORG_OK)
            return rc;
        sum_w += weights[i];
        sum_rw += rates[i] * weights[i];
    }
    if (!(sum_w > 0))
        return pl_error(PLANOMSORG_ENUMERIC, "%s: the standard weights sum to zero", __func__);
    *out = sum_rw / sum_w;
    return PLANOMSORG_OK;
}

int planomsorg_coverage_standardised(double *out, const double *users, const double *population,
                                     const int *age_lo, const int *age_hi, size_t n_bands,
                                     const planomsorg_population *standard, int standard_year)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(users);
    PL_CHECK_NULL(population);
    PL_CHECK_NULL(age_lo);
    PL_CHECK_NULL(age_hi);
    PL_CHECK_NULL(standard);
    if (n_bands == 0)
        return pl_error(PLANOMSORG_EINVAL, "%s: the number of bands must be at least 1", __func__);
    double *rates = malloc(2 * n_bands * sizeof *rates);
    if (rates == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    double *weights = rates + n_bands;
    int rc = PLANOMSORG_OK;
    for (size_t i = 0; i < n_bands && rc == PLANOMSORG_OK; i++) {
        rc = check_count(users[i], "users", i, __func__);
        if (rc == PLANOMSORG_OK)
            rc = check_count(population[i], "population", i, __func__);
        if (rc == PLANOMSORG_OK && population[i] == 0)
            rc = pl_error(PLANOMSORG_ENUMERIC, "%s: population[%zu] (the region's band %d-%d) is "
                          "zero", __func__, i, age_lo[i], age_hi[i]);
        if (rc == PLANOMSORG_OK)
            rc = band_persons(standard, standard_year, age_lo[i], age_hi[i], &weights[i],
                              __func__);
        if (rc == PLANOMSORG_OK)
            rates[i] = users[i] / population[i];
    }
    double result = 0, sum_w = 0;
    for (size_t i = 0; i < n_bands && rc == PLANOMSORG_OK; i++)
        sum_w += weights[i];
    if (rc == PLANOMSORG_OK && !(sum_w > 0))
        rc = pl_error(PLANOMSORG_ENUMERIC, "%s: the standard population's bands in %d sum to "
                      "zero", __func__, standard_year);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_standardise_direct(&result, rates, weights, n_bands);
    free(rates);
    if (rc == PLANOMSORG_OK)
        *out = result;
    return rc;
}
