/**
 * @file transitions.h
 * @brief Annual transition matrices between the levels of a staircase, by age band,
 *        sex and optionally year, with a relative mortality per level.
 *
 * A transitions object holds K x K row-stochastic matrices T[year][band][sex]:
 * T[i][j] is the probability that a person in level i on 1 January who survives
 * the year is in level j on the next 1 January. Matrices are passed row-major
 * (index i * K + j). Every matrix starts as the identity (everybody stays).
 *
 * Age bands partition ages 0..max: band b covers band_lo[b] .. band_lo[b+1]-1,
 * the last band is open; band_lo[0] must be 0 and band_lo strictly increasing.
 * The age is the age on 1 January of the starting year.
 *
 * Years: an object made with n_years = 0 is time-invariant (one matrix per band
 * and sex for every year). Otherwise it holds the years first_year ..
 * first_year + n_years - 1; a projection step from year y uses the matrices of
 * y, of the first year for earlier years, and of the last year for later ones.
 *
 * Relative mortality mu[k] >= 0 (default 1) says who dies: the deaths of a cohort
 * are allocated to levels in proportion to mu[k] times the persons in level k.
 */
#ifndef PLANOMSORG_TRANSITIONS_H
#define PLANOMSORG_TRANSITIONS_H

#include "staircase.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque transitions handle. */
typedef struct planomsorg_transitions planomsorg_transitions;

/** Year code meaning "every year" for setters (and the only year of a time-invariant object). */
#define PLANOMSORG_ANY_YEAR 0
/** Largest number of age bands. */
#define PLANOMSORG_MAX_AGE_BANDS 131
/** Tolerance of the row-sum check: |sum - 1| <= 1e-9. */
#define PLANOMSORG_STOCHASTIC_TOL 1e-9

/**
 * @brief Create transitions (all identity matrices, mortality 1).
 * @param[out] out        Receives the handle (caller frees).
 * @param[in]  n_levels   K, 1..#PLANOMSORG_MAX_LEVELS.
 * @param[in]  band_lo    Array of @p n_bands lower ages: band_lo[0] = 0, strictly increasing,
 *                        each <= #PLANOMSORG_MAX_AGE_LIMIT.
 * @param[in]  n_bands    1..#PLANOMSORG_MAX_AGE_BANDS.
 * @param[in]  first_year First year held (1800..2300); ignored when @p n_years is 0.
 * @param[in]  n_years    0 (time-invariant) or the number of years held (<= 500).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_new(planomsorg_transitions **out, int n_levels,
                                                 const int *band_lo, size_t n_bands,
                                                 int first_year, int n_years);

/**
 * @brief Free transitions. Accepts NULL.
 * @param[in] tr The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_transitions_free(planomsorg_transitions *tr);

/**
 * @brief Deep copy.
 * @param[out] out Receives the copy (caller frees).
 * @param[in]  tr  The transitions.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_copy(planomsorg_transitions **out,
                                                  const planomsorg_transitions *tr);

/**
 * @brief Number of levels K.
 * @param[in] tr The transitions.
 * @return K; 0 when @p tr is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_n_levels(const planomsorg_transitions *tr);

/**
 * @brief Number of age bands.
 * @param[in] tr The transitions.
 * @return The count; 0 when @p tr is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_n_bands(const planomsorg_transitions *tr);

/**
 * @brief Lower age of a band.
 * @param[out] age_lo Receives band_lo[band].
 * @param[in]  tr     The transitions.
 * @param[in]  band   0..n_bands-1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_band_lo(int *age_lo, const planomsorg_transitions *tr,
                                                     int band);

/**
 * @brief Years held.
 * @param[out] first_year Receives the first year (0 when time-invariant).
 * @param[out] n_years    Receives the number of years (0 when time-invariant).
 * @param[in]  tr         The transitions.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_years(int *first_year, int *n_years,
                                                   const planomsorg_transitions *tr);

/**
 * @brief Set one matrix after checking that it is row-stochastic.
 *
 * Every entry must be finite and in [0, 1] and every row must sum to 1 within
 * #PLANOMSORG_STOCHASTIC_TOL; otherwise nothing is changed and the message names
 * the band, sex, year, row and the offending entry or sum.
 * @param[in,out] tr     The transitions.
 * @param[in]     year   A year held, or #PLANOMSORG_ANY_YEAR for every year.
 * @param[in]     band   0..n_bands-1.
 * @param[in]     sex    #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or #PLANOMSORG_SEX_BOTH
 *                       (sets both).
 * @param[in]     matrix K*K doubles, row-major (from level i to level j at i*K+j).
 * @param[in]     n      Must be K*K.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION or
 *         #PLANOMSORG_ESTOCHASTIC.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_set_matrix(planomsorg_transitions *tr, int year,
                                                        int band, int sex, const double *matrix,
                                                        size_t n);

/**
 * @brief Copy one matrix out.
 * @param[out] matrix K*K doubles, row-major.
 * @param[in]  n      Must be K*K.
 * @param[in]  tr     The transitions.
 * @param[in]  year   Any year (resolved as described in the file description), or
 *                    #PLANOMSORG_ANY_YEAR for the first year held.
 * @param[in]  band   0..n_bands-1.
 * @param[in]  sex    #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_get_matrix(double *matrix, size_t n,
                                                        const planomsorg_transitions *tr,
                                                        int year, int band, int sex);

/**
 * @brief Set the relative mortality per level.
 * @param[in,out] tr        The transitions.
 * @param[in]     mortality K finite values >= 0, at least one > 0.
 * @param[in]     n         Must be K.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_set_mortality(planomsorg_transitions *tr,
                                                           const double *mortality, size_t n);

/**
 * @brief Copy the relative mortality per level out.
 * @param[out] mortality K doubles.
 * @param[in]  n         Must be K.
 * @param[in]  tr        The transitions.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_get_mortality(double *mortality, size_t n,
                                                           const planomsorg_transitions *tr);

/**
 * @brief Read transitions from a CSV file.
 *
 * Format (UTF-8, comma-separated, header line, columns in any order):
 * `age_from,sex,from,to,probability`, optionally a `year` column.
 * - `age_from`: lower age of a band; the distinct values define the bands and must
 *   include 0;
 * - `sex`: `female`, `male` or `both`;
 * - `from`, `to`: level names of @p sc (or their indices);
 * - `probability`: in [0, 1];
 * - `year` (optional): the calendar year of the matrix; the distinct years must be
 *   consecutive; an empty cell or `*` means every year.
 * A (year, band, sex, from) row of the matrix that has any cell listed must sum
 * to 1 (cells not listed are 0); a row with no cell listed stays the identity row.
 * A cell listed twice is an error. Rows of mortality may be given with `to` equal
 * to `death_rel` and `probability` the relative mortality (>= 0) of level `from`;
 * their `age_from`, `sex` and `year` cells are ignored and each level may appear once.
 * @param[out] out  Receives the transitions (caller frees); NULL on failure.
 * @param[in]  path The file.
 * @param[in]  sc   The staircase whose levels the file names.
 * @return #PLANOMSORG_OK; #PLANOMSORG_EIO, #PLANOMSORG_EEMPTY, #PLANOMSORG_EFORMAT,
 *         #PLANOMSORG_EVALUE, #PLANOMSORG_ERANGE, #PLANOMSORG_ENOTFOUND (unknown level),
 *         #PLANOMSORG_EDUPLICATE, #PLANOMSORG_EMISSING (no band starting at 0, a year
 *         without rows), #PLANOMSORG_ESTOCHASTIC (names year, band, sex and row),
 *         #PLANOMSORG_EENCODING, #PLANOMSORG_ENOMEM, #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_read_csv(planomsorg_transitions **out,
                                                      const char *path,
                                                      const planomsorg_staircase *sc);

/**
 * @brief Parse transitions from CSV text in memory (format of planomsorg_transitions_read_csv()).
 * @param[out] out    Receives the transitions (caller frees); NULL on failure.
 * @param[in]  text   The bytes (need not be NUL-terminated).
 * @param[in]  len    Number of bytes.
 * @param[in]  source Name used in messages; may be NULL.
 * @param[in]  sc     The staircase.
 * @return As planomsorg_transitions_read_csv(), without #PLANOMSORG_EIO.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_transitions_parse_csv(planomsorg_transitions **out,
                                                       const char *text, size_t len,
                                                       const char *source,
                                                       const planomsorg_staircase *sc);

#ifdef __cplusplus
}
#endif

#endif
