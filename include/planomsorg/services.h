/**
 * @file services.h
 * @brief Projection of service users by level of a staircase: constant-standard rates
 *        or the population-coupled Markov staircase, with capacity limits, dreining,
 *        family care and healthier ageing. Method: docs/methods/staircase.md.
 *
 * A services object collects the assumptions of a projection; planomsorg_services_run()
 * applies them to a (projected) population and returns a planomsorg_result.
 *
 * **Rates mode** (#PLANOMSORG_MODE_RATES, the constant standard): for every year y,
 * sex s and single age a, users[y][s][a][k] = r[k](band(a - theta * dLE[y][s]), s) *
 * P[y][s][a] * lever paths, where levels of kind none take the residual so that the
 * levels sum to P. Family care multiplies levels of kind home; dreining multiplies
 * the chosen level and a capacity caps it; the persons removed go one level down
 * (and further down while that level is capped too) and are reported as a queue of
 * the capped level.
 *
 * **Markov mode** (#PLANOMSORG_MODE_MARKOV): the state x[y][s][a][k] starts from the
 * rates (or explicit initial shares) in the first year and moves each year by
 * deaths allocated by relative mortality, the transition matrices, dreining and
 * family-care factors on entries, capacity limits on entries, and a rescaling to the
 * next year's population (net migration with the residents' distribution; newborns
 * with the birth distribution). Persons across levels sum to P in every year, age
 * and sex.
 *
 * Rates are given by level, age band and sex, laid out [level][band][sex]
 * (index (k * n_bands + b) * 2 + s); bands are given by their lower ages as in
 * transitions.h (band_lo[0] = 0, strictly increasing, the last band open).
 * Year paths (capacity, dreining, family care, dLE) are given from a first year;
 * years before it use the neutral value (no capacity, factor 1, dLE 0) and years
 * after the last given year repeat the last value.
 */
#ifndef PLANOMSORG_SERVICES_H
#define PLANOMSORG_SERVICES_H

#include "population.h"
#include "staircase.h"
#include "transitions.h"
#include "result.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque services handle. */
typedef struct planomsorg_services planomsorg_services;

/** @name Projection modes
 *  Codes for planomsorg_services_set_mode(); see planomsorg_mode_name(). @{ */
#define PLANOMSORG_MODE_RATES 0  /**< constant standard: rates x population x levers */
#define PLANOMSORG_MODE_MARKOV 1 /**< population-coupled Markov staircase */
#define PLANOMSORG_N_MODES 2     /**< number of mode codes */
/** @} */

/** Number of KOSTRA bands used by planomsorg_services_kostra_users(): 0-66, 67-79, 80+. */
#define PLANOMSORG_N_KOSTRA_BANDS 3

/**
 * @brief Create a services object for a staircase (copied), in rates mode, with no rates.
 * @param[out] out Receives the handle (caller frees).
 * @param[in]  sc  The staircase; must have at least one level and exactly one level of
 *                 kind #PLANOMSORG_LEVEL_KIND_NONE (the residual level).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ECONSISTENCY or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_new(planomsorg_services **out,
                                              const planomsorg_staircase *sc);

/**
 * @brief Free a services object. Accepts NULL.
 * @param[in] svc The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_services_free(planomsorg_services *svc);

/**
 * @brief The staircase of a services object.
 * @param[in] svc The services object.
 * @return A pointer borrowed from @p svc, or NULL when @p svc is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const planomsorg_staircase *
planomsorg_services_staircase(const planomsorg_services *svc);

/**
 * @brief Choose the projection mode.
 * @param[in,out] svc  The services object.
 * @param[in]     mode #PLANOMSORG_MODE_RATES or #PLANOMSORG_MODE_MARKOV.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_mode(planomsorg_services *svc, int mode);

/**
 * @brief Set use rates by level, band and sex.
 *
 * Rates of the level of kind none are ignored (it takes the residual). For every
 * band and sex the other rates must sum to at most 1.
 * @param[in,out] svc     The services object.
 * @param[in]     rates   K * n_bands * 2 rates in [0, 1], layout [level][band][sex].
 * @param[in]     n       Must be K * n_bands * 2.
 * @param[in]     band_lo Lower ages of the bands (see the file description).
 * @param[in]     n_bands 1..#PLANOMSORG_MAX_AGE_BANDS.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION or
 *         #PLANOMSORG_EVALUE (a rate outside [0, 1] or a band whose rates sum above 1).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_rates(planomsorg_services *svc, const double *rates,
                                                    size_t n, const int *band_lo,
                                                    size_t n_bands);

/**
 * @brief Set use rates from base-year user counts of both sexes by level and band.
 *
 * rate[k][b][s] = users[k][b] / P[year][b][both sexes] for both sexes (counts without
 * a sex split give the same rate to women and men).
 * @param[in,out] svc     The services object.
 * @param[in]     users   K * n_bands counts >= 0, layout [level][band].
 * @param[in]     n       Must be K * n_bands.
 * @param[in]     band_lo Lower ages of the bands.
 * @param[in]     n_bands 1..#PLANOMSORG_MAX_AGE_BANDS.
 * @param[in]     pop     The population of the count year.
 * @param[in]     year    A year held by @p pop.
 * @return As planomsorg_services_set_rates(); #PLANOMSORG_ENUMERIC when a band with
 *         users has no population.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_rates_from_users(planomsorg_services *svc,
                                                               const double *users, size_t n,
                                                               const int *band_lo,
                                                               size_t n_bands,
                                                               const planomsorg_population *pop,
                                                               int year);

/**
 * @brief Users of the default staircase by level and KOSTRA band, built from the
 *        embedded KOSTRA counts of a region plus documented assumptions.
 *
 * Bands 0-66, 67-79, 80+; levels as planomsorg_staircase_new_default(). The
 * construction (docs/methods/staircase.md, "Default rates") uses the KOSTRA home-service
 * users, long-term residents by band and 24-hour housing residents, and assumptions for
 * levels 1, 4 and 6 and for the split of home users between levels 2 and 3.
 * Level 0 is returned as 0 (it is the residual). SSB suppresses small counts: a
 * suppressed band is the total minus the other bands; a suppressed total is imputed as
 * Norway's rate of each band times the region's population of the band.
 * @param[out] users PLANOMSORG_N_DEFAULT_LEVELS * #PLANOMSORG_N_KOSTRA_BANDS counts,
 *                   layout [level][band].
 * @param[in]  n     Must be 24.
 * @param[in]  region A municipality number, or NULL / PLANOMSORG_NORWAY.
 * @param[in]  year   A KOSTRA year held by the embedded data.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION, #PLANOMSORG_ENOTFOUND or
 *         #PLANOMSORG_EMISSING (a national KOSTRA count the construction needs is missing).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_kostra_users(double *users, size_t n,
                                                       const char *region, int year);

/**
 * @brief Set the rates of the default staircase from a region's embedded KOSTRA counts.
 *
 * Counts of statistics year Y (persons at 31 December) are divided by the embedded
 * population on 1 January Y, the convention of KOSTRA panels and of the coverage
 * indicators (docs/methods/indicators.md), so a rates projection of year Y reproduces
 * the counts.
 * @param[in,out] svc    The services object; its staircase must have the levels, kinds and
 *                       order of the default staircase.
 * @param[in]     region A municipality number, or NULL / PLANOMSORG_NORWAY.
 * @param[in]     year   A KOSTRA year held by the embedded data.
 * @return As planomsorg_services_kostra_users() and planomsorg_services_set_rates_from_users();
 *         #PLANOMSORG_ECONSISTENCY when the staircase is not the default one.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_rates_kostra(planomsorg_services *svc,
                                                           const char *region, int year);

/**
 * @brief Copy the rates out, by level, single age and sex, for a given age shift.
 * @param[out] rates K * (max_age + 1) * 2 doubles, layout [level][age][sex], the rate
 *                   applied at age a with no healthier-ageing shift.
 * @param[in]  n       Must be K * (max_age + 1) * 2.
 * @param[in]  svc     The services object.
 * @param[in]  max_age 1..#PLANOMSORG_MAX_AGE_LIMIT.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION or
 *         #PLANOMSORG_ESTATE (no rates set).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_get_rates(double *rates, size_t n,
                                                    const planomsorg_services *svc,
                                                    int max_age);

/**
 * @brief Set the transitions used in Markov mode (copied).
 * @param[in,out] svc The services object.
 * @param[in]     tr  Transitions with as many levels as the staircase.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_transitions(planomsorg_services *svc,
                                                          const planomsorg_transitions *tr);

/**
 * @brief Set death probabilities q[y][s][a] (Markov mode), e.g. from the demography module.
 *
 * Without them, deaths of a cohort are taken as the fall in its size from one year to
 * the next (max(0, P[y][s][a] - P[y+1][s][a+1])), which ignores deaths offset by
 * in-migration.
 * @param[in,out] svc        The services object.
 * @param[in]     q          n_years * 2 * (max_age + 1) probabilities in [0, 1], layout
 *                           [year][sex][age]; years outside the range repeat the nearest.
 * @param[in]     n          Must be n_years * 2 * (max_age + 1).
 * @param[in]     first_year The year of the first block.
 * @param[in]     n_years    >= 1.
 * @param[in]     max_age    Must equal the max age of the population later run.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION,
 *         #PLANOMSORG_EVALUE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_death_probabilities(planomsorg_services *svc,
                                                                  const double *q, size_t n,
                                                                  int first_year, int n_years,
                                                                  int max_age);

/**
 * @brief Set the initial state of Markov mode as shares by sex, age and level.
 *
 * Without it the first year's state is the rates applied to the first year's population.
 * @param[in,out] svc     The services object.
 * @param[in]     shares  2 * (max_age + 1) * K shares in [0, 1], layout [sex][age][level],
 *                        each (sex, age) summing to 1 within 1e-9.
 * @param[in]     n       Must be 2 * (max_age + 1) * K.
 * @param[in]     max_age Must equal the max age of the population later run.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION,
 *         #PLANOMSORG_EVALUE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_initial_shares(planomsorg_services *svc,
                                                             const double *shares, size_t n,
                                                             int max_age);

/**
 * @brief Set the distribution of newborns over levels (Markov mode; default: all in the
 *        level of kind none).
 * @param[in,out] svc  The services object.
 * @param[in]     dist K shares in [0, 1] summing to 1 within 1e-9.
 * @param[in]     n    Must be K.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_birth_distribution(planomsorg_services *svc,
                                                                 const double *dist, size_t n);

/**
 * @brief Set the places of a level per year (a capacity plan); n_years = 0 removes it.
 * @param[in,out] svc        The services object.
 * @param[in]     level      0..K-1, not the level of kind none.
 * @param[in]     places     @p n_years finite values >= 0.
 * @param[in]     first_year The year of places[0] (1800..2300).
 * @param[in]     n_years    0..500.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EVALUE,
 *         #PLANOMSORG_ECONSISTENCY (the residual level) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_capacity(planomsorg_services *svc, int level,
                                                       const double *places, int first_year,
                                                       int n_years);

/**
 * @brief Read capacity plans from a CSV file into a services object.
 *
 * Format (UTF-8, comma-separated, header, columns in any order): `year,level,places`.
 * `level` is a level name of the staircase (or its index); the years of a level must
 * be consecutive, each once; `places` finite and >= 0. Levels in the file replace
 * their earlier plans; on failure the object is unchanged.
 * @param[in,out] svc  The services object.
 * @param[in]     path The file.
 * @return #PLANOMSORG_OK; #PLANOMSORG_EIO, #PLANOMSORG_EEMPTY, #PLANOMSORG_EFORMAT,
 *         #PLANOMSORG_EVALUE, #PLANOMSORG_ERANGE, #PLANOMSORG_ENOTFOUND (unknown level),
 *         #PLANOMSORG_EDUPLICATE, #PLANOMSORG_EMISSING (a gap in a level's years),
 *         #PLANOMSORG_ECONSISTENCY (the residual level), #PLANOMSORG_EENCODING,
 *         #PLANOMSORG_ENOMEM, #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_read_capacity_csv(planomsorg_services *svc,
                                                            const char *path);

/**
 * @brief Parse capacity plans from CSV text (format of planomsorg_services_read_capacity_csv()).
 * @param[in,out] svc    The services object.
 * @param[in]     text   The bytes (need not be NUL-terminated).
 * @param[in]     len    Number of bytes.
 * @param[in]     source Name used in messages; may be NULL.
 * @return As planomsorg_services_read_capacity_csv(), without #PLANOMSORG_EIO.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_parse_capacity_csv(planomsorg_services *svc,
                                                             const char *text, size_t len,
                                                             const char *source);

/**
 * @brief Set a dreining path: scale entry into a level (Markov) or its users (rates).
 *
 * In Markov mode the transition probabilities into @p level from other levels are
 * multiplied by the factor; the mass not moved stays in the source level. In rates
 * mode the level's users are multiplied and the difference moves one level down.
 * Factors above 1 are allowed in rates mode; in Markov mode a factor that would make
 * a row's off-diagonal entries exceed the row's mass is capped so that nobody leaves
 * more than once. n_years = 0 removes the path.
 * @param[in,out] svc        The services object.
 * @param[in]     level      0..K-1, not the level of kind none.
 * @param[in]     factors    @p n_years finite values >= 0.
 * @param[in]     first_year The year of factors[0].
 * @param[in]     n_years    0..500.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EVALUE,
 *         #PLANOMSORG_ECONSISTENCY or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_dreining(planomsorg_services *svc, int level,
                                                       const double *factors, int first_year,
                                                       int n_years);

/**
 * @brief Set a family-care multiplier path on the levels of kind home.
 *
 * Rates mode: users of home levels are multiplied (the difference goes to the
 * residual level). Markov mode: entries into home levels are multiplied as by
 * dreining. n_years = 0 removes the path.
 * @param[in,out] svc         The services object.
 * @param[in]     multipliers @p n_years finite values >= 0.
 * @param[in]     first_year  The year of multipliers[0].
 * @param[in]     n_years     0..500.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EVALUE or
 *         #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_family_care(planomsorg_services *svc,
                                                          const double *multipliers,
                                                          int first_year, int n_years);

/**
 * @brief Set healthier ageing: at age a in year y use the rate (rates mode, linearly
 *        interpolated between single ages) or the transition band (Markov mode) of age
 *        a - theta * dLE[y][s].
 *
 * dLE is the gain in life expectancy since the first projection year (from the
 * demography module, e.g. remaining life expectancy at 65); theta = 0 disables the
 * shift. Ages below 0 use age 0.
 * @param[in,out] svc        The services object.
 * @param[in]     theta      Share of life-expectancy gains spent in good health, in [0, 1].
 * @param[in]     delta_le   n_years * 2 finite values, layout [year][sex]; may be NULL
 *                           when @p n_years is 0.
 * @param[in]     first_year The year of the first pair.
 * @param[in]     n_years    0..500.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EVALUE or
 *         #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_set_healthy_ageing(planomsorg_services *svc,
                                                             double theta,
                                                             const double *delta_le,
                                                             int first_year, int n_years);

/**
 * @brief Run the projection over the years first_year..last_year of a population.
 * @param[out] out        Receives the result (caller frees with planomsorg_result_free()).
 * @param[in]  svc        The services object (read only; may be shared by threads).
 * @param[in]  pop        The population (projected); must hold every year of the run.
 * @param[in]  first_year The base year (the state of Markov mode is set in it).
 * @param[in]  last_year  >= first_year.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_ESTATE (no
 *         rates and no initial shares; Markov mode without transitions),
 *         #PLANOMSORG_EDIMENSION (max ages do not match), #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_services_run(planomsorg_result **out,
                                              const planomsorg_services *svc,
                                              const planomsorg_population *pop, int first_year,
                                              int last_year);

/**
 * @brief Stable name of a mode ("rates", "markov").
 * @param[in] mode A PLANOMSORG_MODE_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_mode_name(int mode);

#ifdef __cplusplus
}
#endif

#endif
