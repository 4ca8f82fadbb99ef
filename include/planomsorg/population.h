/**
 * @file population.h
 * @brief Population cohorts: persons by year, sex and single age, with bands and ratios.
 *
 * A population holds persons on 1 January for the years first_year ..
 * first_year + n_years - 1, for both sexes, at single ages 0 .. max_age, where
 * max_age is an open band ("max_age or older"; SSB uses 105). Counts are
 * doubles so that projections need not round.
 *
 * Flat arrays exchanged with planomsorg_population_import() and
 * planomsorg_population_export() are laid out year-major, then sex (women
 * first), then age: index = ((y * 2) + sex) * (max_age + 1) + age.
 *
 * An age band is given as [age_lo, age_hi] inclusive; age_hi =
 * #PLANOMSORG_AGE_OPEN means "and older" (up to and including the open band).
 */
#ifndef PLANOMSORG_POPULATION_H
#define PLANOMSORG_POPULATION_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque population handle. */
typedef struct planomsorg_population planomsorg_population;

/** Upper age of a band that is open ("and older"). */
#define PLANOMSORG_AGE_OPEN (-1)
/** The default open age band, as SSB's "105 years or older". */
#define PLANOMSORG_DEFAULT_MAX_AGE 105
/** Largest max_age accepted. */
#define PLANOMSORG_MAX_AGE_LIMIT 130

/** @name Standard age bands
 *  Codes for planomsorg_population_band() and planomsorg_band_range(). @{ */
#define PLANOMSORG_BAND_0_66 0  /**< ages 0-66 */
#define PLANOMSORG_BAND_67_79 1 /**< ages 67-79 */
#define PLANOMSORG_BAND_80_89 2 /**< ages 80-89 */
#define PLANOMSORG_BAND_90P 3   /**< ages 90 and older */
#define PLANOMSORG_BAND_0_19 4  /**< ages 0-19 */
#define PLANOMSORG_BAND_20_66 5 /**< ages 20-66 (working age) */
#define PLANOMSORG_BAND_67P 6   /**< ages 67 and older */
#define PLANOMSORG_BAND_80P 7   /**< ages 80 and older */
#define PLANOMSORG_BAND_ALL 8   /**< all ages */
#define PLANOMSORG_BAND_50_66 9 /**< ages 50-66 (the family-care generation) */
#define PLANOMSORG_BAND_85P 10  /**< ages 85 and older */
#define PLANOMSORG_N_BANDS 11   /**< number of standard band codes */
/** @} */

/** @name Planning ratios
 *  Codes for planomsorg_population_ratio(). @{ */
#define PLANOMSORG_RATIO_67P_PER_20_66 0 /**< persons 67+ per person 20-66 */
#define PLANOMSORG_RATIO_80P_PER_20_66 1 /**< persons 80+ per person 20-66 */
#define PLANOMSORG_RATIO_50_66_PER_85P 2 /**< persons 50-66 per person 85+ (family-care potential) */
#define PLANOMSORG_N_RATIOS 3            /**< number of ratio codes */
/** @} */

/**
 * @brief Create a population of zeros.
 * @param[out] out       Receives the new handle (caller frees with planomsorg_population_free()).
 * @param[in]  first_year First year held (1800..2300).
 * @param[in]  n_years   Number of years held (>= 1, <= 500).
 * @param[in]  max_age   Open last age band (1..#PLANOMSORG_MAX_AGE_LIMIT).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_new(planomsorg_population **out, int first_year,
                                                int n_years, int max_age);

/**
 * @brief Free a population. Accepts NULL.
 * @param[in] pop The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_population_free(planomsorg_population *pop);

/**
 * @brief Deep copy of a population.
 * @param[out] out Receives the copy (caller frees).
 * @param[in]  pop The population to copy.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_copy(planomsorg_population **out,
                                                 const planomsorg_population *pop);

/**
 * @brief Copy of a range of years of a population.
 * @param[out] out        Receives the new population (caller frees).
 * @param[in]  pop        The source.
 * @param[in]  first_year First year to keep; must be held by @p pop.
 * @param[in]  n_years    Number of years to keep; all must be held by @p pop.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_slice(planomsorg_population **out,
                                                  const planomsorg_population *pop,
                                                  int first_year, int n_years);

/**
 * @brief First year held.
 * @param[in] pop The population.
 * @return The year; 0 when @p pop is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_first_year(const planomsorg_population *pop);

/**
 * @brief Number of years held.
 * @param[in] pop The population.
 * @return The number of years; 0 when @p pop is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_n_years(const planomsorg_population *pop);

/**
 * @brief The open last age band.
 * @param[in] pop The population.
 * @return max_age; 0 when @p pop is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_max_age(const planomsorg_population *pop);

/**
 * @brief Set persons of one year, sex and age.
 * @param[in,out] pop     The population.
 * @param[in]     year    A year held.
 * @param[in]     sex     #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @param[in]     age     0..max_age.
 * @param[in]     persons A finite, non-negative count.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_set(planomsorg_population *pop, int year, int sex,
                                                int age, double persons);

/**
 * @brief Get persons of one year, sex and age.
 * @param[in]  pop     The population.
 * @param[in]  year    A year held.
 * @param[in]  sex     #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or #PLANOMSORG_SEX_BOTH.
 * @param[in]  age     0..max_age.
 * @param[out] persons Receives the count.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_get(const planomsorg_population *pop, int year,
                                                int sex, int age, double *persons);

/**
 * @brief Persons in an age band.
 * @param[in]  pop     The population.
 * @param[in]  year    A year held.
 * @param[in]  sex     #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or #PLANOMSORG_SEX_BOTH.
 * @param[in]  age_lo  Lowest age, 0..max_age.
 * @param[in]  age_hi  Highest age (inclusive), age_lo..max_age, or #PLANOMSORG_AGE_OPEN.
 * @param[out] persons Receives the sum.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_sum(const planomsorg_population *pop, int year,
                                                int sex, int age_lo, int age_hi,
                                                double *persons);

/**
 * @brief Persons in a standard band.
 * @param[in]  pop     The population.
 * @param[in]  year    A year held.
 * @param[in]  sex     #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or #PLANOMSORG_SEX_BOTH.
 * @param[in]  band    A PLANOMSORG_BAND_* code.
 * @param[out] persons Receives the sum.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_band(const planomsorg_population *pop, int year,
                                                 int sex, int band, double *persons);

/**
 * @brief A planning ratio of both sexes in one year.
 * @param[in]  pop   The population.
 * @param[in]  year  A year held.
 * @param[in]  ratio A PLANOMSORG_RATIO_* code.
 * @param[out] value Receives the ratio.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, or
 *         #PLANOMSORG_ENUMERIC when the denominator is zero.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_ratio(const planomsorg_population *pop, int year,
                                                  int ratio, double *value);

/**
 * @brief Ages of a standard band.
 * @param[in]  band   A PLANOMSORG_BAND_* code.
 * @param[out] age_lo Receives the lowest age.
 * @param[out] age_hi Receives the highest age, or #PLANOMSORG_AGE_OPEN.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_band_range(int band, int *age_lo, int *age_hi);

/**
 * @brief Label of a standard band, such as "0-66" or "80+".
 * @param[in] band A PLANOMSORG_BAND_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_band_name(int band);

/**
 * @brief Stable snake_case name of a ratio, such as "ratio_67p_per_20_66".
 * @param[in] ratio A PLANOMSORG_RATIO_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_ratio_name(int ratio);

/**
 * @brief Number of cells of the flat layout: n_years * 2 * (max_age + 1).
 * @param[in] pop The population.
 * @return The number of cells; 0 when @p pop is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT size_t planomsorg_population_size(const planomsorg_population *pop);

/**
 * @brief Copy all persons into a flat array (layout in the file description).
 * @param[in]  pop The population.
 * @param[out] out Array of @p n doubles.
 * @param[in]  n   Must equal planomsorg_population_size().
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_export(const planomsorg_population *pop, double *out,
                                                   size_t n);

/**
 * @brief Replace all persons from a flat array (layout in the file description).
 *
 * Every value is checked first; on failure the population is unchanged.
 * @param[in,out] pop  The population.
 * @param[in]     data Array of @p n finite, non-negative doubles.
 * @param[in]     n    Must equal planomsorg_population_size().
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_import(planomsorg_population *pop, const double *data,
                                                   size_t n);

#ifdef __cplusplus
}
#endif

#endif
