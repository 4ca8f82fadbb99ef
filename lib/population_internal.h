/* Internal view of a population, for modules that work on whole arrays. */
#ifndef PL_POPULATION_INTERNAL_H
#define PL_POPULATION_INTERNAL_H

#include "planomsorg/population.h"

struct planomsorg_population {
    int first_year;
    int n_years;
    int max_age;
    double *persons; /* [year][sex][age], see population.h */
};

static inline size_t pl_population_index(const planomsorg_population *pop, int year_index,
                                         int sex, int age)
{
    return ((size_t)year_index * 2 + (size_t)sex) * (size_t)(pop->max_age + 1) + (size_t)age;
}

/* Pointer to the ages 0..max_age of one year index and sex. */
static inline double *pl_population_row(const planomsorg_population *pop, int year_index, int sex)
{
    return pop->persons + pl_population_index(pop, year_index, sex, 0);
}

/* Checks year (held), sex (female/male, or both when allow_both) and reports errors. */
int pl_population_check_year(const planomsorg_population *pop, int year, const char *function);
/* Both years held and last_year >= first_year (a run over first_year..last_year). */
int pl_population_check_years(const planomsorg_population *pop, int first_year, int last_year,
                              const char *function);
int pl_population_check_sex(int sex, int allow_both, const char *function);
/* Resolves [age_lo, age_hi] (age_hi may be PLANOMSORG_AGE_OPEN) into valid indices. */
int pl_population_check_band(const planomsorg_population *pop, int age_lo, int age_hi,
                             int *hi_out, const char *function);
/* Persons of a year index, sex (or PLANOMSORG_SEX_BOTH) and checked ages age_lo..age_hi. */
double pl_population_band_sum(const planomsorg_population *pop, int year_index, int sex,
                              int age_lo, int age_hi);

#endif
