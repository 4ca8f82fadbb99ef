/**
 * @file montecarlo.h
 * @brief Monte Carlo uncertainty of a service projection: lever distributions, Dirichlet
 *        draws of transition rows from estimation counts, optional demographic noise,
 *        percentile bands per year for every measure. Method: docs/methods/uncertainty.md.
 *
 * A Monte Carlo object wraps a services object (services.h) and the population it runs
 * on. Each draw d = 0..N-1:
 * 1. makes a random number generator (GSL MT19937) seeded with a hash of (seed, d), so
 *    that draw d is the same whatever the number of threads and the order they run in;
 * 2. draws the levers that have a distribution (planomsorg_mc_set_lever()), in the order
 *    of their codes;
 * 3. if an estimate is set (planomsorg_mc_set_estimate()), draws every row of every
 *    band and sex from its Dirichlet posterior and uses these matrices (Markov mode);
 * 4. with #PLANOMSORG_MC_NOISE_POPULATION, replaces each population cell (year, sex,
 *    age) by a Poisson draw with that mean;
 * 5. runs the projection (planomsorg_services_run());
 * 6. with #PLANOMSORG_MC_NOISE_USERS, splits the persons of each cell (rounded) over
 *    the levels by a multinomial draw with the projected shares;
 * 7. stores the measures.
 *
 * Measures, by year of the run: users and queue of each level in each measure band
 * (default 0-66, 67-79, 80+) and in all ages (band index n_bands), both sexes; and the
 * user-based coverage of the 24-hour levels among persons 80+ (#PLANOMSORG_MC_COVERAGE_24H;
 * level and band ignored). Percentiles are Hyndman and Fan's type 7 (linear
 * interpolation between order statistics, the default of R and NumPy).
 *
 * Levers drawn (codes of scenario.h) and how a draw x is applied from the first year
 * of the run onward: #PLANOMSORG_LEVER_FAMILY_CARE: family-care multiplier x;
 * #PLANOMSORG_LEVER_DREINING: dreining factor x on every level of kind
 * #PLANOMSORG_LEVEL_KIND_LONG_TERM (as plan.h does); #PLANOMSORG_LEVER_HEALTH: theta = x
 * (has an effect only when the services object has a life-expectancy path). Other
 * levers belong to staffing and return #PLANOMSORG_EUNSUPPORTED in this mode.
 *
 * **Plan mode** (planomsorg_mc_new_plan()): each draw runs a whole plan (plan.h) with one
 * scenario whose drawn levers (all six, clamped to planomsorg_lever_range()) replace the
 * scenario's values as constants for every year, and with drawn transition matrices
 * when an estimate is set (a plan in Markov mode). The measures are the plan's
 * (PLANOMSORG_MEASURE_* of plan.h): for every year and measure the total, each level
 * (measures by level) and each staff group (measures by group), queried with
 * planomsorg_mc_plan_quantile() and related functions. planomsorg_mc_run() first runs
 * the plan without draws (the central value). Noise and bands are not available.
 */
#ifndef PLANOMSORG_MONTECARLO_H
#define PLANOMSORG_MONTECARLO_H

#include "estimate.h"
#include "plan.h"
#include "population.h"
#include "scenario.h"
#include "services.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque Monte Carlo handle. */
typedef struct planomsorg_mc planomsorg_mc;

/** @name Distributions
 *  Codes for planomsorg_mc_set_lever(); parameters in order. See planomsorg_dist_name(). @{ */
#define PLANOMSORG_DIST_FIXED 0        /**< value */
#define PLANOMSORG_DIST_NORMAL 1       /**< mean, sd (sd >= 0) */
#define PLANOMSORG_DIST_LOGNORMAL 2    /**< mu, sigma of log X (sigma >= 0) */
#define PLANOMSORG_DIST_BETA 3         /**< a, b (> 0), and optionally lo, hi (lo < hi):
                                            lo + (hi - lo) * Beta(a, b); default [0, 1] */
#define PLANOMSORG_DIST_UNIFORM 4      /**< lo, hi (lo <= hi) */
#define PLANOMSORG_DIST_TRIANGULAR 5   /**< lo, mode, hi (lo <= mode <= hi, lo < hi) */
#define PLANOMSORG_DIST_SPLIT_NORMAL 6 /**< mode, sd below, sd above (>= 0): a normal of
                                            sd below left of the mode and sd above right
                                            of it, joined so the density is continuous */
#define PLANOMSORG_N_DISTS 7           /**< number of distribution codes */
/** @} */

/** @name Noise flags
 *  Bits for planomsorg_mc_set_noise(). @{ */
#define PLANOMSORG_MC_NOISE_POPULATION 1u /**< Poisson draw of every population cell */
#define PLANOMSORG_MC_NOISE_USERS 2u      /**< multinomial split of every cell over levels */
#define PLANOMSORG_MC_NOISE_ALL 3u        /**< every defined noise bit */
/** @} */

/** @name Measures
 *  Codes for planomsorg_mc_quantile() and related functions; see planomsorg_mc_measure_name(). @{ */
#define PLANOMSORG_MC_USERS 0        /**< users of a level in a band, both sexes */
#define PLANOMSORG_MC_QUEUE 1        /**< persons held back from a level by capacity */
#define PLANOMSORG_MC_COVERAGE_24H 2 /**< user-based 24-hour coverage 80+ (a fraction) */
#define PLANOMSORG_MC_N_MEASURES 3           /**< number of measure codes */
/** @} */

/** Largest number of draws of one run. */
#define PLANOMSORG_MC_MAX_DRAWS 1000000
/** Largest number of threads. */
#define PLANOMSORG_MC_MAX_THREADS 256

/**
 * @brief Create a Monte Carlo object over a services object and a population.
 * @param[out] out        Receives the handle (caller frees).
 * @param[in]  svc        The services object; borrowed: it must stay alive and unchanged
 *                        until the Monte Carlo object is freed.
 * @param[in]  pop        The population (copied); must hold first_year..last_year.
 * @param[in]  first_year The base year of the runs.
 * @param[in]  last_year  >= first_year.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_new(planomsorg_mc **out, const planomsorg_services *svc,
                                        const planomsorg_population *pop, int first_year,
                                        int last_year);

/**
 * @brief Create a Monte Carlo object over one scenario of a plan (plan mode).
 * @param[out] out      Receives the handle (caller frees).
 * @param[in]  plan     The plan; borrowed: it must stay alive and unchanged until the
 *                      Monte Carlo object is freed (runs only read it).
 * @param[in]  scenario 0..n_scenarios-1, or -1 for a plan without scenarios (the middle
 *                      bundle, as planomsorg_plan_run() does).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_new_plan(planomsorg_mc **out, const planomsorg_plan *plan,
                                             int scenario);

/**
 * @brief Free a Monte Carlo object. Accepts NULL.
 * @param[in] mc The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_mc_free(planomsorg_mc *mc);

/**
 * @brief Give a lever a distribution (replacing an earlier one).
 * @param[in,out] mc       The Monte Carlo object.
 * @param[in]     lever    #PLANOMSORG_LEVER_HEALTH, #PLANOMSORG_LEVER_FAMILY_CARE or
 *                         #PLANOMSORG_LEVER_DREINING.
 * @param[in]     dist     A PLANOMSORG_DIST_* code.
 * @param[in]     params   The parameters (see the codes).
 * @param[in]     n_params Their number (BETA takes 2 or 4).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EUNSUPPORTED (another lever),
 *         #PLANOMSORG_EDIMENSION (number of parameters) or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_set_lever(planomsorg_mc *mc, int lever, int dist,
                                              const double *params, size_t n_params);

/**
 * @brief Draw the transition matrices from the Dirichlet posterior of an estimate (copied).
 *
 * The services object must be in Markov mode. The relative mortality is the services
 * object's transitions' when it has transitions, else the estimate's.
 * @param[in,out] mc  The Monte Carlo object.
 * @param[in]     est The estimate; NULL removes it.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION (levels differ),
 *         #PLANOMSORG_ESTATE (not Markov mode) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_set_estimate(planomsorg_mc *mc,
                                                 const planomsorg_estimate *est);

/**
 * @brief Choose demographic and allocation noise.
 * @param[in,out] mc    The Monte Carlo object.
 * @param[in]     flags A combination of PLANOMSORG_MC_NOISE_* bits (0: none, the default).
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_set_noise(planomsorg_mc *mc, unsigned flags);

/**
 * @brief Set the age bands of the measures (default 0-66, 67-79, 80+).
 * @param[in,out] mc      The Monte Carlo object.
 * @param[in]     band_lo Lower ages (band_lo[0] = 0, strictly increasing).
 * @param[in]     n_bands 1..#PLANOMSORG_MAX_AGE_BANDS.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_set_bands(planomsorg_mc *mc, const int *band_lo,
                                              size_t n_bands);

/**
 * @brief Run the draws (replacing the results of an earlier run).
 *
 * Results depend only on @p seed and @p n_draws, not on @p n_threads.
 * @param[in,out] mc        The Monte Carlo object.
 * @param[in]     n_draws   1..#PLANOMSORG_MC_MAX_DRAWS.
 * @param[in]     seed      The seed.
 * @param[in]     n_threads 1..#PLANOMSORG_MC_MAX_THREADS, or 0 for the number of online
 *                          processors.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_ENOMEM, or the
 *         status of the first failing draw (its message names the draw).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_run(planomsorg_mc *mc, int n_draws, unsigned long seed,
                                        int n_threads);

/**
 * @brief Number of draws of the last run.
 * @param[in] mc The Monte Carlo object.
 * @return The count; 0 before a run or when @p mc is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_n_draws(const planomsorg_mc *mc);

/**
 * @brief Number of measure bands (the all-ages band has index n_bands).
 * @param[in] mc The Monte Carlo object.
 * @return The count; 0 when @p mc is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_n_bands(const planomsorg_mc *mc);

/**
 * @brief The values of one measure in every draw, in draw order.
 * @param[out] values  @p n doubles.
 * @param[in]  n       Must equal planomsorg_mc_n_draws().
 * @param[in]  mc      The Monte Carlo object.
 * @param[in]  measure A PLANOMSORG_MC_* measure code.
 * @param[in]  year    A year of the run.
 * @param[in]  level   0..K-1 (ignored for coverage).
 * @param[in]  band    0..n_bands (n_bands: all ages; ignored for coverage).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION or
 *         #PLANOMSORG_ESTATE (no run yet).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_draws(double *values, size_t n, const planomsorg_mc *mc,
                                          int measure, int year, int level, int band);

/**
 * @brief Percentile of one measure over the draws (type 7: x[h] with h = (N - 1) p,
 *        interpolated linearly).
 * @param[out] out     Receives the percentile.
 * @param[in]  mc      The Monte Carlo object.
 * @param[in]  prob    In [0, 1].
 * @param[in]  measure A PLANOMSORG_MC_* measure code.
 * @param[in]  year    A year of the run.
 * @param[in]  level   0..K-1 (ignored for coverage).
 * @param[in]  band    0..n_bands (ignored for coverage).
 * @return As planomsorg_mc_draws(); #PLANOMSORG_EVALUE for @p prob outside [0, 1].
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_quantile(double *out, const planomsorg_mc *mc, double prob,
                                             int measure, int year, int level, int band);

/**
 * @brief Mean and standard deviation (divisor N - 1; 0 for one draw) of a measure.
 * @param[out] mean    Receives the mean; may be NULL.
 * @param[out] sd      Receives the standard deviation; may be NULL.
 * @param[in]  mc      The Monte Carlo object.
 * @param[in]  measure A PLANOMSORG_MC_* measure code.
 * @param[in]  year    A year of the run.
 * @param[in]  level   0..K-1 (ignored for coverage).
 * @param[in]  band    0..n_bands (ignored for coverage).
 * @return As planomsorg_mc_draws().
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_mean(double *mean, double *sd, const planomsorg_mc *mc,
                                         int measure, int year, int level, int band);

/**
 * @brief The values of one plan measure in every draw (plan mode), in draw order.
 * @param[out] values  @p n doubles.
 * @param[in]  n       Must equal planomsorg_mc_n_draws().
 * @param[in]  mc      The Monte Carlo object.
 * @param[in]  year    A year of the plan.
 * @param[in]  measure A PLANOMSORG_MEASURE_* code of plan.h.
 * @param[in]  level   0..K-1 for a measure by level, or #PLANOMSORG_PLAN_ALL.
 * @param[in]  group   0..n_groups-1 for a measure by group, or #PLANOMSORG_PLAN_ALL (not
 *                     both a level and a group).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION or
 *         #PLANOMSORG_ESTATE (not plan mode, or no run yet).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_plan_draws(double *values, size_t n, const planomsorg_mc *mc,
                                               int year, int measure, int level, int group);

/**
 * @brief Percentile (type 7) of one plan measure over the draws (plan mode).
 * @param[out] out     Receives the percentile.
 * @param[in]  mc      The Monte Carlo object.
 * @param[in]  prob    In [0, 1].
 * @param[in]  year    A year of the plan.
 * @param[in]  measure A PLANOMSORG_MEASURE_* code of plan.h.
 * @param[in]  level   As planomsorg_mc_plan_draws().
 * @param[in]  group   As planomsorg_mc_plan_draws().
 * @return As planomsorg_mc_plan_draws(); #PLANOMSORG_EVALUE for @p prob outside [0, 1].
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_plan_quantile(double *out, const planomsorg_mc *mc,
                                                  double prob, int year, int measure, int level,
                                                  int group);

/**
 * @brief Central value (the run without draws), mean and standard deviation of the draws
 *        of one plan measure (plan mode).
 * @param[out] central Receives the central value; may be NULL.
 * @param[out] mean    Receives the mean; may be NULL.
 * @param[out] sd      Receives the standard deviation (divisor N - 1); may be NULL.
 * @param[in]  mc      The Monte Carlo object.
 * @param[in]  year    A year of the plan.
 * @param[in]  measure A PLANOMSORG_MEASURE_* code of plan.h.
 * @param[in]  level   As planomsorg_mc_plan_draws().
 * @param[in]  group   As planomsorg_mc_plan_draws().
 * @return As planomsorg_mc_plan_draws().
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_plan_summary(double *central, double *mean, double *sd,
                                                 const planomsorg_mc *mc, int year, int measure,
                                                 int level, int group);

/**
 * @brief Write percentile bands as a long CSV.
 *
 * Columns `year,measure,level,band,sex,mean,sd,p05,p50,p95` (one `pNN` column per
 * probability, named by 100 p, e.g. p2.5); measure `users` and `queue` rows for every
 * level and band (labelled "LO-HI", "LO+" and "all"), sex `both`; measure
 * `coverage_24h` rows with level `24h` and band `80+`. 17 significant digits.
 * In plan mode the columns are `scenario,year,measure,level,group,value,mean,sd,p05,p50,p95`:
 * the rows of planomsorg_plan_result_write_csv() with the central value in `value`.
 * @param[in] mc      The Monte Carlo object.
 * @param[in] path    The output file (overwritten).
 * @param[in] probs   Probabilities in [0, 1], or NULL for 0.05, 0.5, 0.95.
 * @param[in] n_probs 1..99 (ignored when @p probs is NULL).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EVALUE,
 *         #PLANOMSORG_ESTATE, #PLANOMSORG_ENOMEM or #PLANOMSORG_EIO.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_mc_write_csv(const planomsorg_mc *mc, const char *path,
                                              const double *probs, size_t n_probs);

/**
 * @brief Draw values from a distribution with a seed (for checking and plotting
 *        lever distributions outside a run).
 * @param[out] values   @p n draws.
 * @param[in]  n        Number of draws (>= 1).
 * @param[in]  dist     A PLANOMSORG_DIST_* code.
 * @param[in]  params   The parameters.
 * @param[in]  n_params Their number.
 * @param[in]  seed     Seed of GSL's MT19937.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_dist_sample(double *values, size_t n, int dist,
                                             const double *params, size_t n_params,
                                             unsigned long seed);

/**
 * @brief Stable name of a distribution ("fixed", "normal", "lognormal", "beta",
 *        "uniform", "triangular", "split_normal").
 * @param[in] dist A PLANOMSORG_DIST_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_dist_name(int dist);

/**
 * @brief Code of a distribution name.
 * @param[out] dist Receives the PLANOMSORG_DIST_* code.
 * @param[in]  name A name as planomsorg_dist_name() returns.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_dist_find(int *dist, const char *name);

/**
 * @brief Stable name of a single noise flag bit ("population", "users").
 * @param[in] flag One PLANOMSORG_MC_NOISE_* bit.
 * @return A static string, or NULL for anything else.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_mc_noise_name(unsigned flag);

/**
 * @brief Stable name of a measure ("users", "queue", "coverage_24h").
 * @param[in] measure A PLANOMSORG_MC_* measure code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_mc_measure_name(int measure);

#ifdef __cplusplus
}
#endif

#endif
