/**
 * @file cohort.h
 * @brief Generic Markov cohort model: named states, time-varying transition
 *        matrices, values per state and cycle, discounting and half-cycle correction.
 *
 * A cohort model has n_states named states and runs n_cycles cycles. Death is
 * an ordinary state (there is no population coupling); a state is *absorbing*
 * when its diagonal entry is 1 (within #PLANOMSORG_COHORT_TOLERANCE) in the
 * matrix of every cycle 1..n_cycles.
 *
 * Timing convention (docs/methods/cohort.md gives the formulas):
 * - the trace starts at cycle 0 with the initial distribution x_0;
 * - cycle t (1..n_cycles) moves the cohort by the matrix of cycle t:
 *   x_t = x_{t-1} P(t), where P(t) is the matrix set for cycle t or, when none
 *   was, the default matrix (cycle #PLANOMSORG_COHORT_ALL_CYCLES);
 * - cycle t is credited with the occupancy o_t = x_t (states at the end of the
 *   cycle; cycle 0 is not counted), or with half-cycle correction
 *   o_t = (x_{t-1} + x_t) / 2 (the trapezoid or "life-table" rule);
 * - values v(t) (per state, for cycle t) are counted as o_t . v(t) and
 *   discounted by the factor (1 + r)^-t, so the first cycle is discounted by
 *   one full period (the convention of the Briggs, Claxton and Sculpher
 *   spreadsheets);
 * - life years of cycle t are the occupancy of the states that are not absorbing.
 *
 * One value set per model: to count costs and QALYs at different discount
 * rates, run two models that differ in their values and rate.
 *
 * Flat matrices are row-major: p[i * n_states + j] is the probability of moving
 * from state i to state j in one cycle. Rows must be stochastic: entries in
 * [0, 1], not NaN, summing to 1 within #PLANOMSORG_COHORT_TOLERANCE.
 *
 * A model is used by one thread at a time; a result is read-only and may be
 * read from several threads at once.
 */
#ifndef PLANOMSORG_COHORT_H
#define PLANOMSORG_COHORT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque Markov cohort model. */
typedef struct planomsorg_cohort planomsorg_cohort;
/** Opaque result of running a cohort model: the trace and its totals. */
typedef struct planomsorg_cohort_result planomsorg_cohort_result;

/** Cycle code meaning "every cycle" (the default matrix or value set). */
#define PLANOMSORG_COHORT_ALL_CYCLES 0
/** Largest number of cycles a model may run. */
#define PLANOMSORG_COHORT_MAX_CYCLES 100000
/** Largest number of states. */
#define PLANOMSORG_COHORT_MAX_STATES 10000
/** Absolute tolerance on row sums, on the initial shares' sum and on p(i,i) = 1 for absorbing states. */
#define PLANOMSORG_COHORT_TOLERANCE 1e-9

/** @name Measures
 *  Codes for planomsorg_cohort_result_total() and planomsorg_cohort_result_cycle(). @{ */
#define PLANOMSORG_COHORT_LIFE_YEARS 0            /**< occupancy of non-absorbing states, undiscounted */
#define PLANOMSORG_COHORT_LIFE_YEARS_DISCOUNTED 1 /**< the same, discounted */
#define PLANOMSORG_COHORT_VALUE_TOTAL 2           /**< sum of occupancy times values, undiscounted */
#define PLANOMSORG_COHORT_VALUE_DISCOUNTED 3      /**< the same, discounted */
#define PLANOMSORG_COHORT_N_MEASURES 4            /**< number of measure codes */
/** @} */

/**
 * @brief Create a cohort model with named states.
 *
 * The new model has no matrix, an initial distribution with everyone in state 0,
 * all values 0, discount rate 0 and no half-cycle correction.
 * @param[out] out      Receives the model (free with planomsorg_cohort_free()).
 * @param[in]  n_states Number of states (1..#PLANOMSORG_COHORT_MAX_STATES).
 * @param[in]  names    n_states distinct, non-empty state names (copied).
 * @param[in]  n_cycles Number of cycles run (1..#PLANOMSORG_COHORT_MAX_CYCLES).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL, empty name), #PLANOMSORG_ERANGE
 *         (counts), #PLANOMSORG_EDUPLICATE (a name twice) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_new(planomsorg_cohort **out, int n_states,
                                            const char *const *names, int n_cycles);

/**
 * @brief Free a cohort model. Accepts NULL.
 * @param[in] model The model.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_cohort_free(planomsorg_cohort *model);

/**
 * @brief Number of states.
 * @param[in] model The model.
 * @return The number of states; 0 when model is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_n_states(const planomsorg_cohort *model);

/**
 * @brief Number of cycles the model runs.
 * @param[in] model The model.
 * @return The number of cycles; 0 when model is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_n_cycles(const planomsorg_cohort *model);

/**
 * @brief Name of a state.
 * @param[in] model The model.
 * @param[in] state State index (0..n_states-1).
 * @return A borrowed string valid while the model lives; NULL for a bad index or NULL model.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_cohort_state_name(const planomsorg_cohort *model,
                                                           int state);

/**
 * @brief Index of a state by name.
 * @param[out] out   Receives the index.
 * @param[in]  model The model.
 * @param[in]  name  The state's name (exact match).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_state_index(int *out, const planomsorg_cohort *model,
                                                    const char *name);

/**
 * @brief Set the transition matrix of one cycle or the default for every cycle.
 *
 * A matrix set for cycle t (1..n_cycles) replaces the default in that cycle only.
 * The matrix is validated and copied; on failure the model is unchanged.
 * @param[in,out] model The model.
 * @param[in]     cycle #PLANOMSORG_COHORT_ALL_CYCLES for the default, or 1..n_cycles.
 * @param[in]     p     n_states x n_states row-major matrix, p[i * n_states + j] = P(i -> j).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL), #PLANOMSORG_ERANGE (cycle),
 *         #PLANOMSORG_ESTOCHASTIC (an entry NaN, < 0 or > 1, or a row not summing
 *         to 1; the message names the cycle, row and column) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_set_matrix(planomsorg_cohort *model, int cycle,
                                                   const double *p);

/**
 * @brief Set the initial distribution (cycle 0).
 * @param[in,out] model The model.
 * @param[in]     share n_states shares, each finite and >= 0, summing to 1
 *                      within #PLANOMSORG_COHORT_TOLERANCE.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL) or #PLANOMSORG_EVALUE (the
 *         message names the state or the sum).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_set_initial(planomsorg_cohort *model,
                                                    const double *share);

/**
 * @brief Set the values per state (e.g. costs or utilities per cycle spent in the state)
 *        of one cycle or the default for every cycle.
 *
 * Cycles with neither their own values nor a default count 0.
 * @param[in,out] model  The model.
 * @param[in]     cycle  #PLANOMSORG_COHORT_ALL_CYCLES for the default, or 1..n_cycles.
 * @param[in]     values n_states finite values.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL), #PLANOMSORG_ERANGE (cycle),
 *         #PLANOMSORG_EVALUE (NaN or infinite) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_set_values(planomsorg_cohort *model, int cycle,
                                                   const double *values);

/**
 * @brief Set the discount rate per cycle (cycle t is discounted by (1 + rate)^-t).
 * @param[in,out] model The model.
 * @param[in]     rate  Rate in [0, 1] (e.g. 0.06 for 6 %).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL) or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_set_discount(planomsorg_cohort *model, double rate);

/**
 * @brief Switch the half-cycle correction on or off.
 * @param[in,out] model The model.
 * @param[in]     on    Non-zero: credit cycle t with (x_{t-1} + x_t) / 2; zero: with x_t.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL (NULL).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_set_half_cycle(planomsorg_cohort *model, int on);

/**
 * @brief Run the model.
 * @param[out] out   Receives the result (free with planomsorg_cohort_result_free()).
 * @param[in]  model The model (not changed).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL), #PLANOMSORG_EMISSING (a cycle
 *         without a matrix and no default; the message names the cycle),
 *         #PLANOMSORG_ENUMERIC (a total overflows: values too large; the message names
 *         the measure and cycle) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_run(planomsorg_cohort_result **out,
                                            const planomsorg_cohort *model);

/**
 * @brief Free a result. Accepts NULL.
 * @param[in] result The result.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_cohort_result_free(planomsorg_cohort_result *result);

/**
 * @brief Number of cycles in a result (the trace has n_cycles + 1 rows).
 * @param[in] result The result.
 * @return The number of cycles; 0 when result is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_result_n_cycles(const planomsorg_cohort_result *result);

/**
 * @brief Number of states in a result.
 * @param[in] result The result.
 * @return The number of states; 0 when result is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_result_n_states(const planomsorg_cohort_result *result);

/**
 * @brief The whole trace: the share of the cohort in each state at the end of each cycle.
 * @param[in] result The result.
 * @return A borrowed array of (n_cycles + 1) x n_states doubles, row-major:
 *         element [t * n_states + i] is the share in state i after cycle t
 *         (row 0 is the initial distribution). Valid while the result lives;
 *         NULL when result is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const double *planomsorg_cohort_result_trace(
    const planomsorg_cohort_result *result);

/**
 * @brief Whether a state is absorbing (p(i,i) = 1 in every cycle's matrix).
 * @param[out] out    Receives 1 or 0.
 * @param[in]  result The result.
 * @param[in]  state  State index.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_result_absorbing(int *out,
                                                         const planomsorg_cohort_result *result,
                                                         int state);

/**
 * @brief The contribution of one cycle to a measure (with half-cycle correction
 *        and discounting as configured).
 * @param[out] out     Receives the value.
 * @param[in]  result  The result.
 * @param[in]  measure A measure code (#PLANOMSORG_COHORT_LIFE_YEARS ...).
 * @param[in]  cycle   1..n_cycles.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL, bad measure) or #PLANOMSORG_ERANGE (cycle).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_result_cycle(double *out,
                                                     const planomsorg_cohort_result *result,
                                                     int measure, int cycle);

/**
 * @brief A measure summed over cycles 1..n_cycles.
 * @param[out] out     Receives the total.
 * @param[in]  result  The result.
 * @param[in]  measure A measure code.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL (NULL, bad measure).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_result_total(double *out,
                                                     const planomsorg_cohort_result *result,
                                                     int measure);

/**
 * @brief Name of a measure code, as used in the CLI's totals block.
 * @param[in] measure A measure code.
 * @return "life_years", "life_years_discounted", "value_total" or
 *         "value_discounted"; NULL for any other code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_cohort_measure_name(int measure);

/**
 * @brief Build a cohort model from CSV files (implemented in the io layer).
 *
 * Formats (UTF-8, comma-separated, one header row; docs/methods/cohort.md):
 * - initial: `state,share`, one row per state; the rows define the states and
 *   their order; shares >= 0 summing to 1.
 * - transitions: `cycle,from,to,probability`; cycle is `*` (every cycle) or a
 *   cycle number 1..n_cycles. A numbered cycle that lists any entry of a row
 *   (a `from` state) replaces that whole row in that cycle; entries not listed
 *   in a row are 0. Every state needs a `*` row or a row in every cycle.
 * - values (optional): `cycle,state,value`; cycle `*` or a number; a numbered
 *   cycle overrides `*` for that state; states without a value count 0.
 * Discount rate and half-cycle correction are set afterwards with the setters.
 * @param[out] out              Receives the model.
 * @param[in]  transitions_path Transitions file.
 * @param[in]  initial_path     Initial distribution file.
 * @param[in]  values_path      Values file, or NULL for none.
 * @param[in]  n_cycles         Cycles to run (1..#PLANOMSORG_COHORT_MAX_CYCLES), or 0
 *                              for the largest cycle number named in the files.
 * @return #PLANOMSORG_OK; #PLANOMSORG_EIO, #PLANOMSORG_EFORMAT, #PLANOMSORG_EENCODING,
 *         #PLANOMSORG_EEMPTY; #PLANOMSORG_EVALUE (a number); #PLANOMSORG_ENOTFOUND (a state
 *         not in the initial file); #PLANOMSORG_EDUPLICATE (a row twice);
 *         #PLANOMSORG_EMISSING (a row of the matrix missing for some cycle, or n_cycles 0
 *         with no numbered cycle); #PLANOMSORG_ERANGE (a cycle beyond n_cycles);
 *         #PLANOMSORG_ESTOCHASTIC (a row not summing to 1); #PLANOMSORG_ENOMEM.
 *         Messages name the file, line and column.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_read_csv(planomsorg_cohort **out,
                                                 const char *transitions_path,
                                                 const char *initial_path,
                                                 const char *values_path, int n_cycles);

/**
 * @brief Build a cohort model from CSV text in memory (formats of planomsorg_cohort_read_csv()).
 *
 * The same reader as planomsorg_cohort_read_csv(), given the three tables as bytes;
 * messages name them "transitions", "initial" and "values".
 * @param[out] out             Receives the model (caller frees); NULL on failure.
 * @param[in]  transitions     Transitions table (need not be NUL-terminated); may be NULL
 *                             only when @p transitions_len is 0.
 * @param[in]  transitions_len Bytes of @p transitions.
 * @param[in]  initial         Initial distribution table; may be NULL only when
 *                             @p initial_len is 0.
 * @param[in]  initial_len     Bytes of @p initial.
 * @param[in]  values          Values table, or NULL for none.
 * @param[in]  values_len      Bytes of @p values (ignored when @p values is NULL).
 * @param[in]  n_cycles        As for planomsorg_cohort_read_csv().
 * @return As planomsorg_cohort_read_csv(), without #PLANOMSORG_EIO; #PLANOMSORG_EINVAL
 *         when @p out is NULL or a table is NULL with a non-zero length.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_cohort_parse_csv(planomsorg_cohort **out,
                                                  const char *transitions,
                                                  size_t transitions_len, const char *initial,
                                                  size_t initial_len, const char *values,
                                                  size_t values_len, int n_cycles);

#ifdef __cplusplus
}
#endif

#endif
