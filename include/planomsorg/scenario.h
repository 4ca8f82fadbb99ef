/**
 * @file scenario.h
 * @brief Scenarios: the levers of a plan (DESIGN.md section 1), each a value or a path
 *        over years, and the named bundles worst, middle and best.
 *        Method and bundle sources: docs/methods/scenario.md.
 *
 * A scenario holds, under a name:
 * - a demography alternative (a PLANOMSORG_ALTERNATIVE_* code of demography.h);
 * - the numeric levers PLANOMSORG_LEVER_*: health (theta, share of life-expectancy
 *   gains spent in good health), family and network care (multiplier on the use of
 *   home services), standard (annual growth of FTE per user), productivity (annual
 *   growth through efficiency and welfare technology), dreining (factor on entry into
 *   the top levels) and recruitment (multiplier on the recruitment of staff);
 * - capacity plans for named levels of a staircase: places per year, or a coverage
 *   target per year (places = target x the population of an age band, e.g. "nursing-home
 *   places for 14 % of persons aged 80+"), turned into places when the plan runs.
 *
 * A lever is either a single value for every year (planomsorg_scenario_set_value())
 * or a path over consecutive years (planomsorg_scenario_set_path()). A path is read
 * as follows (the convention of services.h): years before its first year take the
 * lever's neutral value (planomsorg_lever_neutral()), years after its last year
 * repeat the last value. A new scenario has every lever at its neutral value and the
 * main demography alternative, so that it reproduces the constant standard.
 *
 * Scenarios do not know a staircase: capacity plans name levels, and the plan
 * (plan.h) resolves the names when it runs.
 */
#ifndef PLANOMSORG_SCENARIO_H
#define PLANOMSORG_SCENARIO_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque scenario handle. */
typedef struct planomsorg_scenario planomsorg_scenario;

/** Longest scenario name in bytes (without the terminating NUL). */
#define PLANOMSORG_SCENARIO_NAME_MAX 63

/** @name Levers
 *  Codes for planomsorg_scenario_set_value(), planomsorg_scenario_set_path() and
 *  planomsorg_scenario_lever(); see planomsorg_lever_name(). @{ */
#define PLANOMSORG_LEVER_HEALTH 0       /**< theta in [0, 1]: share of life-expectancy gains
                                             spent in good health (neutral 0) */
#define PLANOMSORG_LEVER_FAMILY_CARE 1  /**< multiplier >= 0 on the use of home services
                                             (neutral 1; below 1 = more family care) */
#define PLANOMSORG_LEVER_STANDARD 2     /**< annual growth of FTE per user, in [-0.5, 0.5]
                                             (neutral 0) */
#define PLANOMSORG_LEVER_PRODUCTIVITY 3 /**< annual productivity growth, in [-0.5, 0.5]
                                             (neutral 0) */
#define PLANOMSORG_LEVER_DREINING 4     /**< factor >= 0 on entry into the top levels
                                             (neutral 1) */
#define PLANOMSORG_LEVER_RECRUITMENT 5  /**< multiplier >= 0 on the recruitment of staff
                                             (neutral 1) */
#define PLANOMSORG_N_LEVERS 6           /**< number of lever codes */
/** @} */

/** @name Bundles
 *  Codes for planomsorg_scenario_new_bundle(); see planomsorg_bundle_name(). @{ */
#define PLANOMSORG_BUNDLE_WORST 0  /**< high demand, little relief (KS "Veivalg" worst case) */
#define PLANOMSORG_BUNDLE_MIDDLE 1 /**< SSB main alternative, half the gained years healthy */
#define PLANOMSORG_BUNDLE_BEST 2   /**< healthier ageing, family care, efficiency, dreining */
#define PLANOMSORG_N_BUNDLES 3     /**< number of bundle codes */
/** @} */

/** Largest number of capacity plans a scenario may hold. */
#define PLANOMSORG_SCENARIO_MAX_CAPACITY 64

/**
 * @brief Create a user-defined scenario with every lever neutral and the main
 *        demography alternative.
 * @param[out] out  Receives the handle (caller frees with planomsorg_scenario_free()).
 * @param[in]  name A non-empty name of at most #PLANOMSORG_SCENARIO_NAME_MAX bytes made of
 *                  letters, digits, '_', '-' and '.'.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL or a bad name) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_new(planomsorg_scenario **out, const char *name);

/**
 * @brief Create one of the named bundles (values in docs/methods/scenario.md).
 *
 * The scenario is named after the bundle ("worst", "middle", "best") and may be
 * changed afterwards like any other.
 * @param[out] out    Receives the handle (caller frees).
 * @param[in]  bundle A PLANOMSORG_BUNDLE_* code.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_new_bundle(planomsorg_scenario **out, int bundle);

/**
 * @brief Free a scenario. Accepts NULL.
 * @param[in] sc The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_scenario_free(planomsorg_scenario *sc);

/**
 * @brief Deep copy of a scenario.
 * @param[out] out Receives the copy (caller frees).
 * @param[in]  sc  The scenario.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_copy(planomsorg_scenario **out,
                                               const planomsorg_scenario *sc);

/**
 * @brief Name of a scenario.
 * @param[in] sc The scenario.
 * @return A string borrowed from @p sc (valid until it is renamed or freed); NULL when
 *         @p sc is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_scenario_name(const planomsorg_scenario *sc);

/**
 * @brief Rename a scenario.
 * @param[in,out] sc   The scenario.
 * @param[in]     name As for planomsorg_scenario_new().
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_set_name(planomsorg_scenario *sc, const char *name);

/**
 * @brief Choose the demography alternative used when the plan projects the population.
 * @param[in,out] sc          The scenario.
 * @param[in]     alternative PLANOMSORG_ALTERNATIVE_MAIN (0), _LOW (1) or _HIGH (2).
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_set_demography(planomsorg_scenario *sc,
                                                         int alternative);

/**
 * @brief The demography alternative of a scenario.
 * @param[in] sc The scenario.
 * @return A PLANOMSORG_ALTERNATIVE_* code; -1 when @p sc is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_demography(const planomsorg_scenario *sc);

/**
 * @brief Set a lever to one value for every year (replacing any path).
 * @param[in,out] sc    The scenario.
 * @param[in]     lever A PLANOMSORG_LEVER_* code.
 * @param[in]     value A finite value in the lever's range (planomsorg_lever_range()).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL or bad lever) or #PLANOMSORG_EVALUE
 *         (out of range; the message names lever and value).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_set_value(planomsorg_scenario *sc, int lever,
                                                    double value);

/**
 * @brief Set a lever to a path over the years first_year .. first_year + n_years - 1.
 *
 * Every value is checked first; on failure the scenario is unchanged.
 * @param[in,out] sc         The scenario.
 * @param[in]     lever      A PLANOMSORG_LEVER_* code.
 * @param[in]     values     @p n_years finite values in the lever's range.
 * @param[in]     first_year The year of values[0], 1800..2300.
 * @param[in]     n_years    1..500, with the last year at most 2300.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE (years),
 *         #PLANOMSORG_EVALUE (a value out of range; the message names its year) or
 *         #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_set_path(planomsorg_scenario *sc, int lever,
                                                   const double *values, int first_year,
                                                   int n_years);

/**
 * @brief Set a lever to a linear ramp: @p start_value up to @p start_year, moving in
 *        equal steps to @p end_value in @p end_year and staying there.
 *
 * Stored as a path over start_year .. end_year; years before start_year take the
 * neutral value, so pass the neutral value as @p start_value for a lever that is
 * neutral until the ramp starts.
 * @param[in,out] sc          The scenario.
 * @param[in]     lever       A PLANOMSORG_LEVER_* code.
 * @param[in]     start_year  1800..2300.
 * @param[in]     start_value A value in the lever's range.
 * @param[in]     end_year    start_year..2300.
 * @param[in]     end_value   A value in the lever's range.
 * @return As planomsorg_scenario_set_path().
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_set_ramp(planomsorg_scenario *sc, int lever,
                                                   int start_year, double start_value,
                                                   int end_year, double end_value);

/**
 * @brief The value of a lever in a year (after the path rules of the file description).
 * @param[out] out   Receives the value.
 * @param[in]  sc    The scenario.
 * @param[in]  lever A PLANOMSORG_LEVER_* code.
 * @param[in]  year  Any year 1800..2300.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_lever(double *out, const planomsorg_scenario *sc,
                                                int lever, int year);

/**
 * @brief Cumulative factor of a growth lever between two years:
 *        prod_{t = base_year + 1}^{year} (1 + g(t)); 1 when year <= base_year.
 *
 * For #PLANOMSORG_LEVER_STANDARD this is the standard factor on FTE per user; for
 * #PLANOMSORG_LEVER_PRODUCTIVITY the productivity divisor.
 * @param[out] out       Receives the factor.
 * @param[in]  sc        The scenario.
 * @param[in]  lever     #PLANOMSORG_LEVER_STANDARD or #PLANOMSORG_LEVER_PRODUCTIVITY.
 * @param[in]  base_year 1800..2300.
 * @param[in]  year      1800..2300.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL, or a lever that is not a growth rate)
 *         or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_growth_factor(double *out,
                                                        const planomsorg_scenario *sc,
                                                        int lever, int base_year, int year);

/**
 * @brief Whether a lever is given as a path (1) or a single value (0).
 * @param[in] sc    The scenario.
 * @param[in] lever A PLANOMSORG_LEVER_* code.
 * @return 1 or 0; -1 for NULL or a bad lever.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_lever_is_path(const planomsorg_scenario *sc,
                                                        int lever);

/**
 * @brief Set (or with n_years = 0 remove) the capacity plan of a named level.
 * @param[in,out] sc         The scenario.
 * @param[in]     level      A level name as in staircase.h (1..63 bytes).
 * @param[in]     places     @p n_years finite values >= 0 (places in each year).
 * @param[in]     first_year The year of places[0], 1800..2300.
 * @param[in]     n_years    0..500.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE (years, or more than
 *         #PLANOMSORG_SCENARIO_MAX_CAPACITY plans), #PLANOMSORG_EVALUE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_set_capacity(planomsorg_scenario *sc,
                                                       const char *level,
                                                       const double *places, int first_year,
                                                       int n_years);

/**
 * @brief Set (or with n_years = 0 remove) a coverage target for a named level: in each
 *        year the level's places are target x the persons of the age band
 *        [age_lo, age_hi] in the scenario's population (planomsorg_coverage_required()).
 *
 * Replaces a capacity plan of the same level (and is replaced by one). Years before
 * first_year have no capacity limit; years after the last repeat the last target, so
 * the places then follow the population.
 * @param[in,out] sc         The scenario.
 * @param[in]     level      A level name as in staircase.h (1..63 bytes).
 * @param[in]     targets    @p n_years fractions in [0, 1].
 * @param[in]     first_year The year of targets[0], 1800..2300.
 * @param[in]     n_years    0..500.
 * @param[in]     age_lo     Lowest age of the band, 0..#PLANOMSORG_MAX_AGE_LIMIT.
 * @param[in]     age_hi     Highest age (>= age_lo), or #PLANOMSORG_AGE_OPEN.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE (years, ages, or more than
 *         #PLANOMSORG_SCENARIO_MAX_CAPACITY plans), #PLANOMSORG_EVALUE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_set_coverage_target(planomsorg_scenario *sc,
                                                              const char *level,
                                                              const double *targets,
                                                              int first_year, int n_years,
                                                              int age_lo, int age_hi);

/**
 * @brief Whether a capacity plan is a coverage target, and its age band.
 * @param[out] is_target Receives 1 for a coverage target, 0 for places. May be NULL.
 * @param[out] age_lo    Receives the band's lowest age (0 for places). May be NULL.
 * @param[out] age_hi    Receives the band's highest age or #PLANOMSORG_AGE_OPEN. May be NULL.
 * @param[in]  sc        The scenario.
 * @param[in]  index     0 .. planomsorg_scenario_n_capacities() - 1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_capacity_target(int *is_target, int *age_lo,
                                                          int *age_hi,
                                                          const planomsorg_scenario *sc,
                                                          int index);

/**
 * @brief Number of capacity plans held.
 * @param[in] sc The scenario.
 * @return The count; 0 when @p sc is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_n_capacities(const planomsorg_scenario *sc);

/**
 * @brief One capacity plan, by index 0 .. planomsorg_scenario_n_capacities() - 1 (for a
 *        coverage target, @p places receives the targets).
 * @param[out] level      Receives the level name, borrowed from @p sc (valid until the
 *                        scenario changes). May be NULL.
 * @param[out] places     Receives the places, borrowed likewise. May be NULL.
 * @param[out] first_year Receives the first year. May be NULL.
 * @param[out] n_years    Receives the number of years. May be NULL.
 * @param[in]  sc         The scenario.
 * @param[in]  index      The plan's index.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_scenario_capacity(const char **level, const double **places,
                                                   int *first_year, int *n_years,
                                                   const planomsorg_scenario *sc, int index);

/**
 * @brief Stable name of a lever ("health", "family_care", "standard", "productivity",
 *        "dreining", "recruitment"), as used in plan files.
 * @param[in] lever A PLANOMSORG_LEVER_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_lever_name(int lever);

/**
 * @brief The lever with a name.
 * @param[out] lever Receives the code.
 * @param[in]  name  A name as returned by planomsorg_lever_name().
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_lever_find(int *lever, const char *name);

/**
 * @brief Neutral value of a lever (the constant standard): 0 for health, standard and
 *        productivity, 1 for family care, dreining and recruitment.
 * @param[in] lever A PLANOMSORG_LEVER_* code.
 * @return The value; NaN for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT double planomsorg_lever_neutral(int lever);

/**
 * @brief Accepted range of a lever's values.
 * @param[out] lo    Receives the smallest value.
 * @param[out] hi    Receives the largest value.
 * @param[in]  lever A PLANOMSORG_LEVER_* code.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_lever_range(double *lo, double *hi, int lever);

/**
 * @brief Stable name of a bundle ("worst", "middle", "best").
 * @param[in] bundle A PLANOMSORG_BUNDLE_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_bundle_name(int bundle);

/**
 * @brief The bundle with a name.
 * @param[out] bundle Receives the code.
 * @param[in]  name   "worst", "middle" or "best".
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_bundle_find(int *bundle, const char *name);

#ifdef __cplusplus
}
#endif

#endif
