/**
 * @file estimate.h
 * @brief Estimation of annual transition matrices from individual-level panel data
 *        (IPLOS-like registers), their uncertainty, synthetic panels, and calibration
 *        of a transition set to observed stocks. Method: docs/methods/estimation.md.
 *
 * An estimate object holds transition counts n[band][sex][i][j] between the K levels
 * of a staircase plus a death column (j = K), by age band (the age on 1 January of
 * the starting year, bands as in transitions.h) and sex. From the counts it gives:
 * - maximum-likelihood matrices (row-normalised survivor counts) with binomial
 *   standard errors sqrt(p (1 - p) / n_i);
 * - Dirichlet posterior means and standard deviations under a documented prior
 *   (planomsorg_estimate_set_prior());
 * - pooling of sparse rows over neighbouring bands (planomsorg_estimate_set_pooling());
 * - relative mortality per level from a Poisson model with band-sex strata
 *   (planomsorg_estimate_mortality());
 * - a transitions handle for the Markov projection (planomsorg_estimate_transitions()).
 *
 * Matrices are conditional on survival, as the Markov engine of services.h applies
 * deaths first (by relative mortality) and then moves the survivors.
 *
 * **Panel CSV** (planomsorg_estimate_read_panel_csv()): UTF-8, comma-separated, a header
 * line, columns in any order (extra columns are ignored):
 * `person,year,age,sex,level`, optionally `died`.
 * - `person`: any non-empty identifier; `year`: calendar year (1800..2300) of the
 *   observation on 1 January; `age`: age in completed years on that date (0..130);
 *   `sex`: `female`/`f`/`k`/`0` or `male`/`m`/`1`;
 * - `level`: a level name of the staircase (or its index), or `death` (also `dead`) for
 *   a person who died during the year before (the row of year y+1 says "died between
 *   y and y+1");
 * - `died` (optional, 0 or 1): 1 says the person died during the year that starts at
 *   this row (equivalent to a `death` row in year + 1).
 * A transition i -> j is counted for every person observed in level i in year y and in
 * level j in year y + 1; i -> death when the person died in that year. The last row of
 * a person without death is censored (no transition).
 *
 * **Bad records** are reported with the source and line: an unknown level, a bad value,
 * a duplicate person-year, an age that goes backwards (or advances by more than the
 * years elapsed plus one), a change of sex, a row after death, and a gap in the years of
 * a person. With #PLANOMSORG_PANEL_STRICT (0) the first is an error; with
 * #PLANOMSORG_PANEL_SKIP_BAD the record (for a gap: the transition across the gap) is
 * dropped and listed (planomsorg_estimate_issue()); transitions are counted only between
 * accepted rows of consecutive years.
 */
#ifndef PLANOMSORG_ESTIMATE_H
#define PLANOMSORG_ESTIMATE_H

#include "staircase.h"
#include "transitions.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque estimate handle. */
typedef struct planomsorg_estimate planomsorg_estimate;

/** Destination code for death in planomsorg_estimate_add() (column K of the counts). */
#define PLANOMSORG_LEVEL_DEATH (-2)

/** @name Panel reading flags
 *  Bits for planomsorg_estimate_read_panel_csv(). @{ */
#define PLANOMSORG_PANEL_STRICT 0u   /**< the first bad record is an error */
#define PLANOMSORG_PANEL_SKIP_BAD 1u /**< bad records are dropped and listed as issues */
#define PLANOMSORG_PANEL_FLAGS_ALL 1u /**< every defined flag bit */
/** @} */

/** @name Kinds of bad records
 *  Codes of planomsorg_estimate_issue(); see planomsorg_panel_issue_name(). @{ */
#define PLANOMSORG_PANEL_ISSUE_UNKNOWN_LEVEL 0 /**< a level that the staircase does not have */
#define PLANOMSORG_PANEL_ISSUE_VALUE 1         /**< a bad year, age, sex or died value */
#define PLANOMSORG_PANEL_ISSUE_DUPLICATE 2     /**< a second row for the same person and year */
#define PLANOMSORG_PANEL_ISSUE_AGE 3           /**< age going backwards or jumping ahead */
#define PLANOMSORG_PANEL_ISSUE_SEX 4           /**< sex differing from the person's first row */
#define PLANOMSORG_PANEL_ISSUE_AFTER_DEATH 5   /**< a row after the person's death */
#define PLANOMSORG_PANEL_ISSUE_GAP 6           /**< years missing between two rows */
#define PLANOMSORG_N_PANEL_ISSUES 7            /**< number of issue codes */
/** @} */

/** @name Estimators
 *  Codes for planomsorg_estimate_matrix(); see planomsorg_estimate_method_name(). @{ */
#define PLANOMSORG_ESTIMATE_ML 0        /**< maximum likelihood: row-normalised counts */
#define PLANOMSORG_ESTIMATE_POSTERIOR 1 /**< Dirichlet posterior mean */
#define PLANOMSORG_N_ESTIMATE_METHODS 2 /**< number of estimator codes */
/** @} */

/** @name Dirichlet priors
 *  Codes for planomsorg_estimate_set_prior(); see planomsorg_prior_name(). @{ */
#define PLANOMSORG_PRIOR_UNIFORM 0 /**< alpha_ij = w / K (w = 1: Perks' prior) */
#define PLANOMSORG_PRIOR_POOLED 1  /**< alpha_ij = w * row i of the same sex's all-band ML
                                        matrix (w / K where that row is empty) */
#define PLANOMSORG_N_PRIORS 2      /**< number of prior codes */
/** @} */

/** @name Calibration fit statistics
 *  Indices into the @p fit array of planomsorg_estimate_calibrate(). @{ */
#define PLANOMSORG_CALIB_ITERATIONS 0 /**< iterations used */
#define PLANOMSORG_CALIB_MAX_REL 1    /**< largest |projected - observed| / observed */
#define PLANOMSORG_CALIB_CHI2 2       /**< sum of (projected - observed)^2 / observed */
#define PLANOMSORG_CALIB_MAX_REL_BEFORE 3 /**< largest relative deviation before calibration */
#define PLANOMSORG_CALIB_N_FIT 4      /**< size of the fit array */
/** @} */

/**
 * @brief Create an empty estimate (all counts 0).
 * @param[out] out      Receives the handle (caller frees).
 * @param[in]  n_levels K, 1..#PLANOMSORG_MAX_LEVELS.
 * @param[in]  band_lo  @p n_bands lower ages (band_lo[0] = 0, strictly increasing).
 * @param[in]  n_bands  1..#PLANOMSORG_MAX_AGE_BANDS.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_new(planomsorg_estimate **out, int n_levels,
                                              const int *band_lo, size_t n_bands);

/**
 * @brief Free an estimate. Accepts NULL.
 * @param[in] est The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_estimate_free(planomsorg_estimate *est);

/**
 * @brief Deep copy.
 * @param[out] out Receives the copy (caller frees).
 * @param[in]  est The estimate.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_copy(planomsorg_estimate **out,
                                               const planomsorg_estimate *est);

/**
 * @brief Add observed transitions (or deaths) to the counts.
 * @param[in,out] est    The estimate.
 * @param[in]     age    Age on 1 January of the starting year, 0..#PLANOMSORG_MAX_AGE_LIMIT.
 * @param[in]     sex    #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @param[in]     from   0..K-1.
 * @param[in]     to     0..K-1 or #PLANOMSORG_LEVEL_DEATH.
 * @param[in]     weight Finite and >= 0 (usually 1).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_add(planomsorg_estimate *est, int age, int sex,
                                              int from, int to, double weight);

/**
 * @brief Read a panel CSV (format in the file description) and count its transitions.
 * @param[out] out     Receives the estimate (caller frees); NULL on failure.
 * @param[in]  path    The file.
 * @param[in]  sc      The staircase whose levels the file names.
 * @param[in]  band_lo Lower ages of the bands (band_lo[0] = 0, strictly increasing).
 * @param[in]  n_bands 1..#PLANOMSORG_MAX_AGE_BANDS.
 * @param[in]  flags   #PLANOMSORG_PANEL_STRICT or #PLANOMSORG_PANEL_SKIP_BAD.
 * @return #PLANOMSORG_OK; #PLANOMSORG_EIO, #PLANOMSORG_EEMPTY, #PLANOMSORG_EFORMAT (header),
 *         #PLANOMSORG_EENCODING, #PLANOMSORG_ENOMEM, #PLANOMSORG_EINVAL,
 *         #PLANOMSORG_ERANGE (bands); in strict mode also #PLANOMSORG_ENOTFOUND (unknown
 *         level), #PLANOMSORG_EVALUE (bad value, age, sex, row after death),
 *         #PLANOMSORG_EDUPLICATE (person-year) and #PLANOMSORG_EMISSING (gap in years);
 *         messages name the source and line.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_read_panel_csv(planomsorg_estimate **out,
                                                         const char *path,
                                                         const planomsorg_staircase *sc,
                                                         const int *band_lo, size_t n_bands,
                                                         unsigned flags);

/**
 * @brief Parse a panel from CSV text in memory (format of
 *        planomsorg_estimate_read_panel_csv()).
 * @param[out] out     Receives the estimate (caller frees); NULL on failure.
 * @param[in]  text    The bytes (need not be NUL-terminated).
 * @param[in]  len     Number of bytes.
 * @param[in]  source  Name used in messages; may be NULL.
 * @param[in]  sc      The staircase.
 * @param[in]  band_lo Lower ages of the bands.
 * @param[in]  n_bands Number of bands.
 * @param[in]  flags   #PLANOMSORG_PANEL_STRICT or #PLANOMSORG_PANEL_SKIP_BAD.
 * @return As planomsorg_estimate_read_panel_csv(), without #PLANOMSORG_EIO.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_parse_panel_csv(planomsorg_estimate **out,
                                                          const char *text, size_t len,
                                                          const char *source,
                                                          const planomsorg_staircase *sc,
                                                          const int *band_lo, size_t n_bands,
                                                          unsigned flags);

/**
 * @brief Number of bad records dropped by a panel reader in #PLANOMSORG_PANEL_SKIP_BAD mode.
 * @param[in] est The estimate.
 * @return The count; 0 when @p est is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT size_t planomsorg_estimate_n_issues(const planomsorg_estimate *est);

/**
 * @brief One dropped record, in the order of the file.
 * @param[out] line    Receives the 1-based line of the record; may be NULL.
 * @param[out] kind    Receives a PLANOMSORG_PANEL_ISSUE_* code; may be NULL.
 * @param[out] message Receives "SOURCE:LINE: ..." borrowed from @p est; may be NULL.
 * @param[in]  est     The estimate.
 * @param[in]  index   0..planomsorg_estimate_n_issues() - 1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_issue(size_t *line, int *kind, const char **message,
                                                const planomsorg_estimate *est, size_t index);

/**
 * @brief Size of the panel read: rows accepted, persons, transitions and deaths counted.
 * @param[out] rows        Receives the rows accepted; may be NULL.
 * @param[out] persons     Receives the distinct persons; may be NULL.
 * @param[out] transitions Receives the sum of all counts, deaths included; may be NULL.
 * @param[in]  est         The estimate.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_panel_size(size_t *rows, size_t *persons,
                                                     double *transitions,
                                                     const planomsorg_estimate *est);

/**
 * @brief Number of levels K.
 * @param[in] est The estimate.
 * @return K; 0 when @p est is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_n_levels(const planomsorg_estimate *est);

/**
 * @brief Number of age bands.
 * @param[in] est The estimate.
 * @return The count; 0 when @p est is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_n_bands(const planomsorg_estimate *est);

/**
 * @brief Lower age of a band.
 * @param[out] age_lo Receives band_lo[band].
 * @param[in]  est    The estimate.
 * @param[in]  band   0..n_bands-1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_band_lo(int *age_lo, const planomsorg_estimate *est,
                                                  int band);

/**
 * @brief Set the Dirichlet prior of the posterior estimator and of Monte Carlo draws.
 *
 * Row i of band b and sex s has the prior Dirichlet(alpha_i0 .. alpha_i,K-1) over the
 * K destination levels (deaths are not part of the matrix). The default is
 * #PLANOMSORG_PRIOR_UNIFORM with weight 1.
 * @param[in,out] est    The estimate.
 * @param[in]     kind   A PLANOMSORG_PRIOR_* code.
 * @param[in]     weight Total prior weight w per row, finite and > 0.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_set_prior(planomsorg_estimate *est, int kind,
                                                    double weight);

/**
 * @brief Set the pooling of sparse rows.
 *
 * A row (band b, sex s, level i) with fewer than @p min_count survivor transitions
 * borrows the counts of the same row in the neighbouring bands of the same sex,
 * b-1 and b+1, then b-2 and b+2 and so on, until the pooled row reaches
 * @p min_count or every band is used; if it is still short, the other sex's bands are
 * added in the same order. 0 disables pooling (the default).
 * @param[in,out] est       The estimate.
 * @param[in]     min_count Finite and >= 0.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_set_pooling(planomsorg_estimate *est,
                                                      double min_count);

/**
 * @brief Counts of one band and sex, with deaths in the last column.
 * @param[out] counts     K * (K + 1) doubles, row-major: from i to j at i*(K+1)+j, deaths
 *                        at i*(K+1)+K.
 * @param[in]  n          Must be K * (K + 1).
 * @param[in]  est        The estimate.
 * @param[in]  band       0..n_bands-1.
 * @param[in]  sex        #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or
 *                        #PLANOMSORG_SEX_BOTH (summed).
 * @param[in]  pooled     Non-zero for the counts after pooling (as the estimators use them).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_counts(double *counts, size_t n,
                                                 const planomsorg_estimate *est, int band,
                                                 int sex, int pooled);

/**
 * @brief Estimated transition matrix of one band and sex, with standard errors.
 *
 * ML: p_ij = n_ij / n_i with n_i the survivors of row i (pooled counts), standard
 * error sqrt(p_ij (1 - p_ij) / n_i). Posterior: mean (n_ij + alpha_ij) / (n_i + alpha_i),
 * standard deviation sqrt(m_ij (1 - m_ij) / (n_i + alpha_i + 1)). A row without
 * observations is the identity row under ML (standard errors NaN) and the prior mean
 * under the posterior.
 * @param[out] matrix K*K doubles, row-major.
 * @param[out] se     K*K standard errors (or posterior standard deviations); may be NULL.
 * @param[in]  n      Must be K*K.
 * @param[in]  est    The estimate.
 * @param[in]  method A PLANOMSORG_ESTIMATE_* code.
 * @param[in]  band   0..n_bands-1.
 * @param[in]  sex    #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_matrix(double *matrix, double *se, size_t n,
                                                 const planomsorg_estimate *est, int method,
                                                 int band, int sex);

/**
 * @brief Relative mortality per level, level 0 being the reference (mu_0 = 1).
 *
 * Poisson model D[s][k] ~ Poisson(N[s][k] q[s] mu[k]) over strata s = (band, sex), with
 * N the persons at risk (survivors plus deaths) and D the deaths, fitted by maximum
 * likelihood (alternating closed-form updates); standard error of mu_k from
 * se(log mu_k) = sqrt(1/D_k + 1/D_0). Levels without persons at risk get mu = 1 and
 * se = NaN.
 * @param[out] mortality K doubles.
 * @param[out] se        K standard errors; may be NULL.
 * @param[in]  n         Must be K.
 * @param[in]  est       The estimate.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or
 *         #PLANOMSORG_ENUMERIC (no deaths in level 0, or none at all).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_mortality(double *mortality, double *se, size_t n,
                                                    const planomsorg_estimate *est);

/**
 * @brief A time-invariant transitions handle with the estimated matrices of every band
 *        and sex and the relative mortality (1 for every level when it cannot be
 *        estimated).
 * @param[out] out    Receives the transitions (caller frees).
 * @param[in]  est    The estimate.
 * @param[in]  method A PLANOMSORG_ESTIMATE_* code.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_transitions(planomsorg_transitions **out,
                                                      const planomsorg_estimate *est,
                                                      int method);

/**
 * @brief Write a synthetic panel drawn from known matrices (for tests and examples).
 *
 * @p n_persons persons with sex alternating (women first), age on 1 January of
 * @p first_year uniform in [@p age_lo, @p age_hi] and level drawn from @p initial are
 * followed for @p n_years years. Each year a person in level k of band b and sex s
 * dies with probability min(1, q[b][s] * mu[k]) (mu the relative mortality of @p tr);
 * a survivor moves by row k of the matrix of @p tr for that year, band and sex. Rows
 * `person,year,age,sex,level` are written, a death as a row with level `death` in the
 * following year. Random numbers: GSL's MT19937 seeded with @p seed, so a seed
 * gives the same file on every machine.
 * @param[in] path       The output file (overwritten).
 * @param[in] tr         The true transitions.
 * @param[in] sc         A staircase with K levels (for the names).
 * @param[in] q          n_bands * 2 baseline death probabilities in [0, 1], layout
 *                       [band][sex] in the bands of @p tr.
 * @param[in] n_q        Must be n_bands * 2.
 * @param[in] initial    K shares (>= 0, summing to 1 within 1e-9) of the first year's levels.
 * @param[in] n_initial  Must be K.
 * @param[in] n_persons  1..10^8.
 * @param[in] age_lo     Lowest starting age (0..#PLANOMSORG_MAX_AGE_LIMIT).
 * @param[in] age_hi     Highest starting age (age_lo..#PLANOMSORG_MAX_AGE_LIMIT).
 * @param[in] first_year First calendar year (1800..2300).
 * @param[in] n_years    Years observed, 1..200 (n_years - 1 transitions per survivor).
 * @param[in] seed       Seed of the random number generator.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION,
 *         #PLANOMSORG_EVALUE, #PLANOMSORG_EIO or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_panel_simulate_csv(const char *path,
                                                    const planomsorg_transitions *tr,
                                                    const planomsorg_staircase *sc,
                                                    const double *q, size_t n_q,
                                                    const double *initial, size_t n_initial,
                                                    long n_persons, int age_lo, int age_hi,
                                                    int first_year, int n_years,
                                                    unsigned long seed);

/**
 * @brief Calibrate a transition set to observed stocks by scaling entry probabilities.
 *
 * The persons @p start (by band of @p tr, sex and level, alive through the year) are
 * moved one year by the matrices of @p year; the projected users by target band and
 * level, summed over both sexes, are compared with @p target. Iteratively, for every
 * target band B and level j with an observation, the entry probabilities T[i][j]
 * (i != j) of the bands within B are multiplied by a factor c[B][j], updated as
 * c <- c * observed / projected, with the diagonal taking the remainder of each row
 * (a row whose off-diagonal sum would exceed 1 is scaled back to 1). Stops when every
 * observed cell is within @p tol relative, or after @p max_iter iterations. The factors
 * are applied to every year held by @p tr.
 * @param[out] out             Receives the calibrated transitions (caller frees); NULL
 *                             on failure.
 * @param[out] fit             #PLANOMSORG_CALIB_N_FIT fit statistics (filled also when
 *                             the iteration does not converge); may be NULL.
 * @param[in]  n_fit           Size of @p fit (>= #PLANOMSORG_CALIB_N_FIT unless @p fit is NULL).
 * @param[in]  tr              The transitions to adjust.
 * @param[in]  start           n_bands * 2 * K persons >= 0, layout [band][sex][level].
 * @param[in]  n_start         Must be n_bands * 2 * K.
 * @param[in]  target          n_target_bands * K observed counts >= 0, layout [band][level];
 *                             NaN for a cell not observed (e.g. the residual level).
 * @param[in]  n_target        Must be n_target_bands * K.
 * @param[in]  target_band_lo  Lower ages of the target bands; each band of @p tr must lie
 *                             within one target band.
 * @param[in]  n_target_bands  1..#PLANOMSORG_MAX_AGE_BANDS.
 * @param[in]  year            The year whose matrices are used (#PLANOMSORG_ANY_YEAR: the first).
 * @param[in]  max_iter        1..100000.
 * @param[in]  tol             Relative tolerance, > 0.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION,
 *         #PLANOMSORG_EVALUE, #PLANOMSORG_ECONSISTENCY (bands do not nest),
 *         #PLANOMSORG_ECONVERGE (names the worst cell) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_estimate_calibrate(planomsorg_transitions **out, double *fit,
                                                    size_t n_fit,
                                                    const planomsorg_transitions *tr,
                                                    const double *start, size_t n_start,
                                                    const double *target, size_t n_target,
                                                    const int *target_band_lo,
                                                    size_t n_target_bands, int year,
                                                    int max_iter, double tol);

/**
 * @brief Stable name of a bad-record kind ("unknown_level", "value", "duplicate", "age",
 *        "sex", "after_death", "gap").
 * @param[in] kind A PLANOMSORG_PANEL_ISSUE_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_panel_issue_name(int kind);

/**
 * @brief Stable name of a single panel flag bit ("skip_bad").
 * @param[in] flag One PLANOMSORG_PANEL_* bit.
 * @return A static string, or NULL for anything else.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_panel_flag_name(unsigned flag);

/**
 * @brief Stable name of a calibration fit statistic ("iterations", "max_rel", "chi2",
 *        "max_rel_before").
 * @param[in] index A PLANOMSORG_CALIB_* index.
 * @return A static string, or NULL for an unknown index.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_calib_fit_name(int index);

/**
 * @brief Stable name of an estimator ("ml", "posterior").
 * @param[in] method A PLANOMSORG_ESTIMATE_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_estimate_method_name(int method);

/**
 * @brief Stable name of a prior ("uniform", "pooled").
 * @param[in] kind A PLANOMSORG_PRIOR_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_prior_name(int kind);

#ifdef __cplusplus
}
#endif

#endif
