/**
 * @file result.h
 * @brief The result of a service projection: users and queues by year, level, sex and
 *        single age (or any age band), the population behind them, and coverage.
 *
 * Both projection modes of services.h return this handle. Quantities are held by
 * year, sex, single age and level; queries sum over any age band [age_lo, age_hi]
 * (age_hi may be #PLANOMSORG_AGE_OPEN), over both sexes (#PLANOMSORG_SEX_BOTH) and
 * over all levels (#PLANOMSORG_ALL_LEVELS). A result is read-only once made and may
 * be queried from several threads at once.
 *
 * Flat arrays (planomsorg_result_export()) are laid out [year][sex][age][level]:
 * index ((y * 2 + s) * (max_age + 1) + a) * K + k.
 *
 * A queue of level k in year y is the number of persons who would have entered k in
 * the step to y (Markov) or been users of k (rates) but were held back because k's
 * capacity was full; they are counted as users of the levels they were held in.
 */
#ifndef PLANOMSORG_RESULT_H
#define PLANOMSORG_RESULT_H

#include "population.h"
#include "staircase.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque result handle. */
typedef struct planomsorg_result planomsorg_result;

/** @name Quantities
 *  Codes for planomsorg_result_get() and planomsorg_result_export(). @{ */
#define PLANOMSORG_QUANTITY_USERS 0 /**< persons in the level */
#define PLANOMSORG_QUANTITY_QUEUE 1 /**< persons held back from entering the level */
#define PLANOMSORG_N_QUANTITIES 2   /**< number of quantity codes */
/** @} */

/**
 * @brief Free a result. Accepts NULL.
 * @param[in] r The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_result_free(planomsorg_result *r);

/**
 * @brief First year of the result.
 * @param[in] r The result.
 * @return The year; 0 when @p r is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_first_year(const planomsorg_result *r);

/**
 * @brief Number of years.
 * @param[in] r The result.
 * @return The count; 0 when @p r is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_n_years(const planomsorg_result *r);

/**
 * @brief Open last age.
 * @param[in] r The result.
 * @return max_age; 0 when @p r is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_max_age(const planomsorg_result *r);

/**
 * @brief Projection mode that made the result (a PLANOMSORG_MODE_* code of services.h).
 * @param[in] r The result.
 * @return The mode; -1 when @p r is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_mode(const planomsorg_result *r);

/**
 * @brief The staircase of the result.
 * @param[in] r The result.
 * @return A pointer borrowed from @p r (valid while it lives), or NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const planomsorg_staircase *planomsorg_result_staircase(const planomsorg_result *r);

/**
 * @brief The population of the result's years (the denominator of coverage).
 * @param[in] r The result.
 * @return A pointer borrowed from @p r (valid while it lives), or NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const planomsorg_population *
planomsorg_result_population(const planomsorg_result *r);

/**
 * @brief A quantity summed over an age band, a sex or both, and a level or all levels.
 * @param[out] out      Receives the sum.
 * @param[in]  r        The result.
 * @param[in]  quantity A PLANOMSORG_QUANTITY_* code.
 * @param[in]  year     A year of the result.
 * @param[in]  level    0..K-1 or #PLANOMSORG_ALL_LEVELS.
 * @param[in]  sex      #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or #PLANOMSORG_SEX_BOTH.
 * @param[in]  age_lo   Lowest age.
 * @param[in]  age_hi   Highest age, or #PLANOMSORG_AGE_OPEN.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_get(double *out, const planomsorg_result *r,
                                            int quantity, int year, int level, int sex,
                                            int age_lo, int age_hi);

/**
 * @brief Users of a level (shorthand for planomsorg_result_get() with
 *        #PLANOMSORG_QUANTITY_USERS).
 * @param[out] out    Receives the users.
 * @param[in]  r      The result.
 * @param[in]  year   A year of the result.
 * @param[in]  level  0..K-1 or #PLANOMSORG_ALL_LEVELS.
 * @param[in]  sex    #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or #PLANOMSORG_SEX_BOTH.
 * @param[in]  age_lo Lowest age.
 * @param[in]  age_hi Highest age, or #PLANOMSORG_AGE_OPEN.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_users(double *out, const planomsorg_result *r, int year,
                                              int level, int sex, int age_lo, int age_hi);

/**
 * @brief Queue of a level (shorthand for planomsorg_result_get() with
 *        #PLANOMSORG_QUANTITY_QUEUE).
 * @param[out] out    Receives the persons held back.
 * @param[in]  r      The result.
 * @param[in]  year   A year of the result.
 * @param[in]  level  0..K-1 or #PLANOMSORG_ALL_LEVELS.
 * @param[in]  sex    #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or #PLANOMSORG_SEX_BOTH.
 * @param[in]  age_lo Lowest age.
 * @param[in]  age_hi Highest age, or #PLANOMSORG_AGE_OPEN.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_queue(double *out, const planomsorg_result *r, int year,
                                              int level, int sex, int age_lo, int age_hi);

/**
 * @brief Places of a level in a year under the capacity plan the result was run with.
 * @param[out] out   Receives the places, or +INFINITY when the level is not capped.
 * @param[in]  r     The result.
 * @param[in]  year  A year of the result.
 * @param[in]  level 0..K-1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_capacity(double *out, const planomsorg_result *r,
                                                 int year, int level);

/**
 * @brief Coverage of a set of levels in an age band, through coverage.h.
 *
 * User-based (@p user_based non-zero): users of the levels aged in the band divided by
 * the band's population. Capacity-style (zero): users of the levels of all ages divided
 * by the band's population (as "places per 100 aged 80+").
 * @param[out] out        Receives the rate (a fraction).
 * @param[in]  r          The result.
 * @param[in]  year       A year of the result.
 * @param[in]  levels     Array of @p n_levels distinct level indices.
 * @param[in]  n_levels   1..K.
 * @param[in]  age_lo     Lowest age of the band.
 * @param[in]  age_hi     Highest age, or #PLANOMSORG_AGE_OPEN.
 * @param[in]  user_based Non-zero for user-based coverage.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENUMERIC
 *         (an empty band).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_coverage(double *out, const planomsorg_result *r,
                                                 int year, const int *levels, size_t n_levels,
                                                 int age_lo, int age_hi, int user_based);

/**
 * @brief Coverage of the levels flagged #PLANOMSORG_LEVEL_FLAG_24H among persons 80+.
 * @param[out] out        Receives the rate.
 * @param[in]  r          The result.
 * @param[in]  year       A year of the result.
 * @param[in]  user_based As planomsorg_result_coverage().
 * @return As planomsorg_result_coverage(); #PLANOMSORG_ECONSISTENCY when no level carries
 *         the flag.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_coverage_24h(double *out, const planomsorg_result *r,
                                                     int year, int user_based);

/**
 * @brief Number of cells of the flat layout: n_years * 2 * (max_age + 1) * K.
 * @param[in] r The result.
 * @return The count; 0 when @p r is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT size_t planomsorg_result_size(const planomsorg_result *r);

/**
 * @brief Copy a quantity into a flat array (layout in the file description).
 * @param[out] out      Array of @p n doubles.
 * @param[in]  n        Must equal planomsorg_result_size().
 * @param[in]  r        The result.
 * @param[in]  quantity A PLANOMSORG_QUANTITY_* code.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_export(double *out, size_t n, const planomsorg_result *r,
                                               int quantity);

/**
 * @brief Write users as the long CSV `year,level,band,sex,users`.
 *
 * One row per year, level, band and sex (women, then men), levels by name, bands
 * labelled "LO-HI" or "LO+" (the last band), users with 17 significant digits.
 * @param[in] r       The result.
 * @param[in] path    The output file (overwritten).
 * @param[in] band_lo Lower ages of the bands (band_lo[0] = 0, strictly increasing), or NULL
 *                    for the KOSTRA bands 0-66, 67-79, 80+.
 * @param[in] n_bands Number of bands (ignored when @p band_lo is NULL).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EIO.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_result_write_csv(const planomsorg_result *r, const char *path,
                                                  const int *band_lo, size_t n_bands);

/**
 * @brief Stable name of a quantity ("users", "queue").
 * @param[in] quantity A PLANOMSORG_QUANTITY_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_quantity_name(int quantity);

#ifdef __cplusplus
}
#endif

#endif
