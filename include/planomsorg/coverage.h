/**
 * @file coverage.h
 * @brief Coverage rates (dekningsgrad), places for a target, and direct age standardisation.
 *
 * Coverage is a count (places, or users) divided by the population of an age
 * band of both sexes in a year: DG = count / P[year][band]. Capacity-based
 * coverage counts places (or all residents) whatever their age, user-based
 * age-specific coverage counts only users in the band. Which count is passed
 * decides which of the two is computed; the functions are the same.
 * Rates are fractions (0.14 means 14 %).
 *
 * Direct age standardisation: a rate for a region with band-specific rates
 * r_i is reported as sum_i r_i * w_i / sum_i w_i, where w_i is the standard
 * population of band i (for example Norway in 2024), so that regions with
 * different age mixes can be compared.
 */
#ifndef PLANOMSORG_COVERAGE_H
#define PLANOMSORG_COVERAGE_H

#include "population.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Year returned by planomsorg_coverage_first_below() when the path never falls below. */
#define PLANOMSORG_NO_YEAR 0

/**
 * @brief Coverage of a count in an age band: count / population of the band (both sexes).
 * @param[out] out    Receives the rate.
 * @param[in]  count  Places or users (finite, >= 0).
 * @param[in]  pop    The population.
 * @param[in]  year   A year held by @p pop.
 * @param[in]  age_lo Lowest age of the band.
 * @param[in]  age_hi Highest age, or #PLANOMSORG_AGE_OPEN.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EVALUE, or
 *         #PLANOMSORG_ENUMERIC when the band is empty.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_coverage_rate(double *out, double count,
                                               const planomsorg_population *pop, int year,
                                               int age_lo, int age_hi);

/**
 * @brief Places (or users) needed for a target coverage: target * population of the band.
 * @param[out] out    Receives the number of places (not rounded).
 * @param[in]  target Target rate, a fraction in [0, 1].
 * @param[in]  pop    The population.
 * @param[in]  year   A year held by @p pop.
 * @param[in]  age_lo Lowest age of the band.
 * @param[in]  age_hi Highest age, or #PLANOMSORG_AGE_OPEN.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_coverage_required(double *out, double target,
                                                   const planomsorg_population *pop, int year,
                                                   int age_lo, int age_hi);

/**
 * @brief The coverage path implied by a capacity path over consecutive years.
 * @param[out] out        Array of @p n_years rates.
 * @param[in]  capacity   Array of @p n_years places (finite, >= 0), one per year.
 * @param[in]  n_years    Number of years (>= 1).
 * @param[in]  pop        The population; must hold every year.
 * @param[in]  first_year The year of capacity[0].
 * @param[in]  age_lo     Lowest age of the band.
 * @param[in]  age_hi     Highest age, or #PLANOMSORG_AGE_OPEN.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EVALUE or
 *         #PLANOMSORG_ENUMERIC (an empty band).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_coverage_path(double *out, const double *capacity,
                                               size_t n_years, const planomsorg_population *pop,
                                               int first_year, int age_lo, int age_hi);

/**
 * @brief The first year in which a coverage path is below a target.
 * @param[out] year       Receives the year, or #PLANOMSORG_NO_YEAR if it never is.
 * @param[in]  path       Array of @p n_years rates.
 * @param[in]  n_years    Number of years (>= 1).
 * @param[in]  first_year The year of path[0].
 * @param[in]  target     Target rate.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EVALUE (NaN in the path or target).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_coverage_first_below(int *year, const double *path,
                                                      size_t n_years, int first_year,
                                                      double target);

/**
 * @brief Places to add each year to hold a target coverage, never removing places.
 *
 * With C(-1) = @p current_places and R(t) the places the target needs in year t,
 * capacity is C(t) = max(C(t-1), R(t)) and the places added in year t are
 * C(t) - C(t-1) >= 0.
 * @param[out] added          Array of @p n_years places to add.
 * @param[in]  current_places Places at the start (finite, >= 0).
 * @param[in]  target         Target rate, a fraction in [0, 1].
 * @param[in]  n_years        Number of years (>= 1).
 * @param[in]  pop            The population; must hold every year.
 * @param[in]  first_year     The first year.
 * @param[in]  age_lo         Lowest age of the band.
 * @param[in]  age_hi         Highest age, or #PLANOMSORG_AGE_OPEN.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_coverage_places_to_add(double *added, double current_places,
                                                        double target, size_t n_years,
                                                        const planomsorg_population *pop,
                                                        int first_year, int age_lo, int age_hi);

/**
 * @brief Direct standardisation of band-specific rates with given standard weights.
 * @param[out] out     Receives sum_i rates[i] * weights[i] / sum_i weights[i].
 * @param[in]  rates   Array of @p n_bands finite rates.
 * @param[in]  weights Array of @p n_bands standard population counts (finite, >= 0, sum > 0).
 * @param[in]  n_bands Number of bands (>= 1).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EVALUE or #PLANOMSORG_ENUMERIC.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_standardise_direct(double *out, const double *rates,
                                                    const double *weights, size_t n_bands);

/**
 * @brief Age-standardised coverage: users per band over a region's population per band,
 *        standardised to a standard population's band sizes in a year.
 * @param[out] out           Receives the standardised rate.
 * @param[in]  users         Array of @p n_bands user counts of the region (finite, >= 0).
 * @param[in]  population    Array of @p n_bands population counts of the region (> 0).
 * @param[in]  age_lo        Array of @p n_bands lowest ages of the bands.
 * @param[in]  age_hi        Array of @p n_bands highest ages (or #PLANOMSORG_AGE_OPEN).
 * @param[in]  n_bands       Number of bands (>= 1).
 * @param[in]  standard      The standard population (e.g. Norway).
 * @param[in]  standard_year A year held by @p standard.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EVALUE or
 *         #PLANOMSORG_ENUMERIC (an empty band).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_coverage_standardised(double *out, const double *users,
                                                       const double *population,
                                                       const int *age_lo, const int *age_hi,
                                                       size_t n_bands,
                                                       const planomsorg_population *standard,
                                                       int standard_year);

#ifdef __cplusplus
}
#endif

#endif
