#include "population_internal.h"

#include "check.h"
#include "error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    int lo, hi;
    const char *name;
} standard_bands[PLANOMSORG_N_BANDS] = {
    [PLANOMSORG_BAND_0_66] = {0, 66, "0-66"},
    [PLANOMSORG_BAND_67_79] = {67, 79, "67-79"},
    [PLANOMSORG_BAND_80_89] = {80, 89, "80-89"},
    [PLANOMSORG_BAND_90P] = {90, PLANOMSORG_AGE_OPEN, "90+"},
    [PLANOMSORG_BAND_0_19] = {0, 19, "0-19"},
    [PLANOMSORG_BAND_20_66] = {20, 66, "20-66"},
    [PLANOMSORG_BAND_67P] = {67, PLANOMSORG_AGE_OPEN, "67+"},
    [PLANOMSORG_BAND_80P] = {80, PLANOMSORG_AGE_OPEN, "80+"},
    [PLANOMSORG_BAND_ALL] = {0, PLANOMSORG_AGE_OPEN, "all"},
    [PLANOMSORG_BAND_50_66] = {50, 66, "50-66"},
    [PLANOMSORG_BAND_85P] = {85, PLANOMSORG_AGE_OPEN, "85+"},
};

static const struct {
    int numerator, denominator;
    const char *name;
} ratios[PLANOMSORG_N_RATIOS] = {
    [PLANOMSORG_RATIO_67P_PER_20_66] = {PLANOMSORG_BAND_67P, PLANOMSORG_BAND_20_66,
                                        "ratio_67p_per_20_66"},
    [PLANOMSORG_RATIO_80P_PER_20_66] = {PLANOMSORG_BAND_80P, PLANOMSORG_BAND_20_66,
                                        "ratio_80p_per_20_66"},
    [PLANOMSORG_RATIO_50_66_PER_85P] = {PLANOMSORG_BAND_50_66, PLANOMSORG_BAND_85P,
                                        "ratio_50_66_per_85p"},
};

int planomsorg_population_new(planomsorg_population **out, int first_year, int n_years,
                              int max_age)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    int rc = pl_check_year_range(first_year, "first year", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (n_years < 1 || n_years > 500)
        return pl_error(PLANOMSORG_ERANGE, "planomsorg_population_new: number of years %d outside 1..500",
                        n_years);
    if (max_age < 1 || max_age > PLANOMSORG_MAX_AGE_LIMIT)
        return pl_error(PLANOMSORG_ERANGE, "planomsorg_population_new: max age %d outside 1..%d",
                        max_age, PLANOMSORG_MAX_AGE_LIMIT);
    planomsorg_population *pop = calloc(1, sizeof *pop);
    if (pop == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_population_new: out of memory");
    pop->first_year = first_year;
    pop->n_years = n_years;
    pop->max_age = max_age;
    pop->persons = calloc(planomsorg_population_size(pop), sizeof *pop->persons);
    if (pop->persons == NULL) {
        free(pop);
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_population_new: out of memory");
    }
    *out = pop;
    return PLANOMSORG_OK;
}

void planomsorg_population_free(planomsorg_population *pop)
{
    if (pop == NULL)
        return;
    free(pop->persons);
    free(pop);
}

int planomsorg_population_slice(planomsorg_population **out, const planomsorg_population *pop,
                                int first_year, int n_years)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(pop);
    int rc = pl_population_check_year(pop, first_year, __func__);
    if (rc == PLANOMSORG_OK && n_years >= 1)
        rc = pl_population_check_year(pop, first_year + n_years - 1, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (n_years < 1)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of years %d < 1", __func__, n_years);
    planomsorg_population *copy;
    rc = planomsorg_population_new(&copy, first_year, n_years, pop->max_age);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(copy->persons, pl_population_row(pop, first_year - pop->first_year, 0),
           planomsorg_population_size(copy) * sizeof *copy->persons);
    *out = copy;
    return PLANOMSORG_OK;
}

int planomsorg_population_copy(planomsorg_population **out, const planomsorg_population *pop)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(pop);
    return planomsorg_population_slice(out, pop, pop->first_year, pop->n_years);
}

int planomsorg_population_first_year(const planomsorg_population *pop)
{
    return pop != NULL ? pop->first_year : 0;
}

int planomsorg_population_n_years(const planomsorg_population *pop)
{
    return pop != NULL ? pop->n_years : 0;
}

int planomsorg_population_max_age(const planomsorg_population *pop)
{
    return pop != NULL ? pop->max_age : 0;
}

size_t planomsorg_population_size(const planomsorg_population *pop)
{
    if (pop == NULL)
        return 0;
    return (size_t)pop->n_years * 2 * (size_t)(pop->max_age + 1);
}

int pl_population_check_year(const planomsorg_population *pop, int year, const char *function)
{
    if (year < pop->first_year || year >= pop->first_year + pop->n_years)
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d outside the population's years %d..%d",
                        function, year, pop->first_year, pop->first_year + pop->n_years - 1);
    return PLANOMSORG_OK;
}

int pl_population_check_years(const planomsorg_population *pop, int first_year, int last_year,
                              const char *function)
{
    int rc = pl_population_check_year(pop, first_year, function);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_year(pop, last_year, function);
    if (rc == PLANOMSORG_OK && last_year < first_year)
        rc = pl_error(PLANOMSORG_ERANGE, "%s: last year %d before first year %d", function,
                      last_year, first_year);
    return rc;
}

int pl_population_check_sex(int sex, int allow_both, const char *function)
{
    if (sex == PLANOMSORG_SEX_FEMALE || sex == PLANOMSORG_SEX_MALE ||
        (allow_both && sex == PLANOMSORG_SEX_BOTH))
        return PLANOMSORG_OK;
    return pl_error(PLANOMSORG_EINVAL, "%s: unknown sex code %d", function, sex);
}

int pl_population_check_band(const planomsorg_population *pop, int age_lo, int age_hi,
                             int *hi_out, const char *function)
{
    int hi = age_hi == PLANOMSORG_AGE_OPEN ? pop->max_age : age_hi;
    if (age_lo < 0 || age_lo > pop->max_age)
        return pl_error(PLANOMSORG_ERANGE, "%s: lowest age %d outside 0..%d", function, age_lo,
                        pop->max_age);
    if (hi < age_lo || hi > pop->max_age)
        return pl_error(PLANOMSORG_ERANGE, "%s: highest age %d outside %d..%d", function, age_hi,
                        age_lo, pop->max_age);
    *hi_out = hi;
    return PLANOMSORG_OK;
}

static int check_cell(const planomsorg_population *pop, int year, int sex, int age, int allow_both,
                      const char *function)
{
    int hi;
    int rc = pl_population_check_year(pop, year, function);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_sex(sex, allow_both, function);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_band(pop, age, age, &hi, function);
    return rc;
}

int planomsorg_population_set(planomsorg_population *pop, int year, int sex, int age,
                              double persons)
{
    PL_CHECK_NULL(pop);
    int rc = check_cell(pop, year, sex, age, 0, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (!isfinite(persons) || persons < 0)
        return pl_error(PLANOMSORG_EVALUE, "%s: persons %g for year %d, %s, age %d is not a "
                        "finite non-negative number", __func__, persons, year,
                        planomsorg_sex_name(sex), age);
    pop->persons[pl_population_index(pop, year - pop->first_year, sex, age)] = persons;
    return PLANOMSORG_OK;
}

int planomsorg_population_get(const planomsorg_population *pop, int year, int sex, int age,
                              double *persons)
{
    PL_CHECK_NULL(pop);
    PL_CHECK_NULL(persons);
    return planomsorg_population_sum(pop, year, sex, age, age, persons);
}

double pl_population_band_sum(const planomsorg_population *pop, int year_index, int sex,
                              int age_lo, int age_hi)
{
    double sum = 0;
    for (int s = 0; s < PLANOMSORG_N_SEXES; s++) {
        if (sex != PLANOMSORG_SEX_BOTH && s != sex)
            continue;
        const double *row = pl_population_row(pop, year_index, s);
        for (int a = age_lo; a <= age_hi; a++)
            sum += row[a];
    }
    return sum;
}

int planomsorg_population_sum(const planomsorg_population *pop, int year, int sex, int age_lo,
                              int age_hi, double *persons)
{
    PL_CHECK_NULL(pop);
    PL_CHECK_NULL(persons);
    int hi;
    int rc = pl_population_check_year(pop, year, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_sex(sex, 1, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_band(pop, age_lo, age_hi, &hi, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *persons = pl_population_band_sum(pop, year - pop->first_year, sex, age_lo, hi);
    return PLANOMSORG_OK;
}

int planomsorg_band_range(int band, int *age_lo, int *age_hi)
{
    PL_CHECK_NULL(age_lo);
    PL_CHECK_NULL(age_hi);
    if (band < 0 || band >= PLANOMSORG_N_BANDS)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown band code %d", __func__, band);
    *age_lo = standard_bands[band].lo;
    *age_hi = standard_bands[band].hi;
    return PLANOMSORG_OK;
}

const char *planomsorg_band_name(int band)
{
    return band >= 0 && band < PLANOMSORG_N_BANDS ? standard_bands[band].name : NULL;
}

const char *planomsorg_ratio_name(int ratio)
{
    return ratio >= 0 && ratio < PLANOMSORG_N_RATIOS ? ratios[ratio].name : NULL;
}

int planomsorg_population_band(const planomsorg_population *pop, int year, int sex, int band,
                               double *persons)
{
    int lo, hi;
    int rc = planomsorg_band_range(band, &lo, &hi);
    if (rc != PLANOMSORG_OK)
        return rc;
    return planomsorg_population_sum(pop, year, sex, lo, hi, persons);
}

int planomsorg_population_ratio(const planomsorg_population *pop, int year, int ratio,
                                double *value)
{
    PL_CHECK_NULL(value);
    if (ratio < 0 || ratio >= PLANOMSORG_N_RATIOS)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown ratio code %d", __func__, ratio);
    double num, den;
    int rc = planomsorg_population_band(pop, year, PLANOMSORG_SEX_BOTH, ratios[ratio].numerator,
                                        &num);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_population_band(pop, year, PLANOMSORG_SEX_BOTH,
                                        ratios[ratio].denominator, &den);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (den <= 0)
        return pl_error(PLANOMSORG_ENUMERIC, "%s: %s in %d: no persons aged %s", __func__,
                        ratios[ratio].name, year, standard_bands[ratios[ratio].denominator].name);
    *value = num / den;
    return PLANOMSORG_OK;
}

int planomsorg_population_export(const planomsorg_population *pop, double *out, size_t n)
{
    PL_CHECK_NULL(pop);
    PL_CHECK_NULL(out);
    if (n != planomsorg_population_size(pop))
        return pl_error(PLANOMSORG_EDIMENSION, "%s: array has %zu cells, population has %zu",
                        __func__, n, planomsorg_population_size(pop));
    memcpy(out, pop->persons, n * sizeof *out);
    return PLANOMSORG_OK;
}

int planomsorg_population_import(planomsorg_population *pop, const double *data, size_t n)
{
    PL_CHECK_NULL(pop);
    PL_CHECK_NULL(data);
    if (n != planomsorg_population_size(pop))
        return pl_error(PLANOMSORG_EDIMENSION, "%s: array has %zu cells, population has %zu",
                        __func__, n, planomsorg_population_size(pop));
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(data[i]) || data[i] < 0) {
            size_t per_year = 2 * (size_t)(pop->max_age + 1);
            return pl_error(PLANOMSORG_EVALUE, "%s: cell %zu (year %d, %s, age %zu) is %g, not a "
                            "finite non-negative number", __func__, i,
                            pop->first_year + (int)(i / per_year),
                            planomsorg_sex_name((int)(i % per_year / (size_t)(pop->max_age + 1))),
                            i % (size_t)(pop->max_age + 1), data[i]);
        }
    }
    memcpy(pop->persons, data, n * sizeof *data);
    return PLANOMSORG_OK;
}
