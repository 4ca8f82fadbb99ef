/**
 * @file costs.h
 * @brief Operating costs, investment in new places, state grants and present values.
 *
 * A costs handle holds prices for n_levels levels and the years first_year ..
 * first_year + n_years - 1 (t = year - first_year), all in fixed prices (NOK of
 * one price year):
 *
 * - operating cost O[t] = sum_k U[t][k] * c_user[k] + F[t] * c_fte, with users
 *   U[t][k] of level k (user-years), F[t] the FTEs employed, c_user the cost per
 *   user-year that is not staff (or the full cost per user-year, with c_fte = 0),
 *   c_fte the cost per FTE (default 750 000 NOK);
 * - new places of place type j: N[t][j] = max(0, C[t][j] - C[t-1][j]) from a
 *   capacity path C with C[-1][j] the places at the start;
 * - investment I[t][j] = N[t][j] * cost[j]; state grant
 *   Gr[t][j] = N[t][j] * grant_share[j] * min(cost[j], ceiling[j]);
 *   net investment I[t][j] - Gr[t][j];
 * - total T[t] = O[t] + net investment.
 *
 * Present values: PV = sum_t X[t] * (1 + r)^-(year_t - base_year), so that the
 * flows of the base year are not discounted and every year's flow is counted
 * once, at its year (see planomsorg_present_value()).
 *
 * Flat arrays: users [year][level] (index t * n_levels + k), FTE [year],
 * capacity [year] per place type.
 */
#ifndef PLANOMSORG_COSTS_H
#define PLANOMSORG_COSTS_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque cost assumptions. */
typedef struct planomsorg_costs planomsorg_costs;
/** Opaque result of planomsorg_costs_compute(). */
typedef struct planomsorg_costs_result planomsorg_costs_result;

/** @name Place types
 *  Codes for the investment setters. @{ */
#define PLANOMSORG_PLACE_NURSING_HOME 0 /**< nursing-home (sykehjem) place */
#define PLANOMSORG_PLACE_HOUSING 1      /**< omsorgsbolig (sheltered or 24-hour housing) */
#define PLANOMSORG_N_PLACE_TYPES 2      /**< number of place types */
/** @} */

/** Default cost per FTE in NOK (DESIGN.md: a municipal plan prices an FTE at about 0.75 million). */
#define PLANOMSORG_DEFAULT_COST_PER_FTE 750000.0
/** Place type or level meaning "sum over all" in result getters. */
#define PLANOMSORG_COST_ALL (-1)

/** @name Result measures
 *  Codes for planomsorg_costs_result_get() and planomsorg_costs_result_pv(). @{ */
#define PLANOMSORG_COST_OPERATING 0       /**< operating cost O[t] */
#define PLANOMSORG_COST_OPERATING_USERS 1 /**< its user part sum_k U * c_user (per level) */
#define PLANOMSORG_COST_OPERATING_FTE 2   /**< its staff part F * c_fte */
#define PLANOMSORG_COST_NEW_PLACES 3      /**< new places N[t][j] (per place type) */
#define PLANOMSORG_COST_INVESTMENT 4      /**< gross investment I[t][j] (per place type) */
#define PLANOMSORG_COST_GRANT 5           /**< state grant Gr[t][j] (per place type) */
#define PLANOMSORG_COST_INVESTMENT_NET 6  /**< investment net of grant (per place type) */
#define PLANOMSORG_COST_TOTAL 7           /**< operating cost + net investment */
#define PLANOMSORG_COST_N_MEASURES 8      /**< number of measure codes */
/** @} */

/**
 * @brief Create cost assumptions: c_user 0 for every level, c_fte
 *        #PLANOMSORG_DEFAULT_COST_PER_FTE, and for the place types the documented
 *        default cost per place, Husbanken's maximum grant shares (50 % nursing-home
 *        places, 40 % omsorgsboliger) and cost ceilings (docs/methods/costs.md);
 *        no capacity paths (no investment).
 * @param[out] out        Receives the handle (caller frees with planomsorg_costs_free()).
 * @param[in]  n_levels   Number of levels (1..64).
 * @param[in]  first_year First year (1800..2300).
 * @param[in]  n_years    Number of years (1..500).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_new(planomsorg_costs **out, int n_levels, int first_year,
                                           int n_years);

/**
 * @brief Free cost assumptions. Accepts NULL.
 * @param[in] costs The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_costs_free(planomsorg_costs *costs);

/**
 * @brief Deep copy.
 * @param[out] out   Receives the copy (caller frees).
 * @param[in]  costs The handle.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_copy(planomsorg_costs **out, const planomsorg_costs *costs);

/**
 * @brief Number of levels. @param[in] costs The handle.
 * @return The number; 0 when @p costs is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_n_levels(const planomsorg_costs *costs);

/**
 * @brief First year. @param[in] costs The handle.
 * @return The year; 0 when @p costs is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_first_year(const planomsorg_costs *costs);

/**
 * @brief Number of years. @param[in] costs The handle.
 * @return The number; 0 when @p costs is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_n_years(const planomsorg_costs *costs);

/**
 * @brief Set the operating cost per user-year of a level (NOK, fixed prices).
 * @param[in,out] costs The handle.
 * @param[in]     level 0..n_levels-1.
 * @param[in]     nok   Finite, >= 0.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_set_cost_per_user(planomsorg_costs *costs, int level,
                                                         double nok);

/**
 * @brief Operating cost per user-year of a level.
 * @param[out] nok   Receives the cost.
 * @param[in]  costs The handle.
 * @param[in]  level 0..n_levels-1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_cost_per_user(double *nok, const planomsorg_costs *costs,
                                                     int level);

/**
 * @brief Set the cost per FTE (NOK per year, wages and social costs, fixed prices).
 * @param[in,out] costs The handle.
 * @param[in]     nok   Finite, >= 0.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_set_cost_per_fte(planomsorg_costs *costs, double nok);

/**
 * @brief The cost per FTE.
 * @param[out] nok   Receives the cost.
 * @param[in]  costs The handle.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_cost_per_fte(double *nok, const planomsorg_costs *costs);

/**
 * @brief Set the building cost per place of a place type (NOK, fixed prices).
 * @param[in,out] costs The handle.
 * @param[in]     type  A PLANOMSORG_PLACE_* code.
 * @param[in]     nok   Finite, >= 0.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_set_place_cost(planomsorg_costs *costs, int type,
                                                      double nok);

/**
 * @brief Set the state investment grant of a place type: a share of the approved cost
 *        per place, the approved cost being capped at a ceiling.
 * @param[in,out] costs   The handle.
 * @param[in]     type    A PLANOMSORG_PLACE_* code.
 * @param[in]     share   Finite, in [0, 1].
 * @param[in]     ceiling Highest approved cost per place (finite, > 0), or INFINITY for none.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_set_grant(planomsorg_costs *costs, int type, double share,
                                                 double ceiling);

/**
 * @brief Cost per place, grant share and ceiling of a place type.
 * @param[out] cost    Receives the cost per place (may be NULL).
 * @param[out] share   Receives the grant share (may be NULL).
 * @param[out] ceiling Receives the ceiling (may be NULL).
 * @param[in]  costs   The handle.
 * @param[in]  type    A PLANOMSORG_PLACE_* code.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_place(double *cost, double *share, double *ceiling,
                                             const planomsorg_costs *costs, int type);

/**
 * @brief Set the capacity path of a place type (places available in each year).
 * @param[in,out] costs    The handle.
 * @param[in]     type     A PLANOMSORG_PLACE_* code.
 * @param[in]     initial  Places before the first year (finite, >= 0).
 * @param[in]     capacity Array of @p n places (finite, >= 0), one per year.
 * @param[in]     n        Must equal n_years.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION
 *         or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_set_capacity(planomsorg_costs *costs, int type,
                                                    double initial, const double *capacity,
                                                    size_t n);

/**
 * @brief Stable snake_case name of a place type ("nursing_home", "housing").
 * @param[in] type A PLANOMSORG_PLACE_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_place_type_name(int type);

/**
 * @brief Stable snake_case name of a cost measure ("operating", "investment_net", ...).
 * @param[in] measure A PLANOMSORG_COST_* measure code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_cost_measure_name(int measure);

/**
 * @brief The default prices of planomsorg_costs_new() and the module's constants, for
 *        bindings that cannot read macros. Every pointer may be NULL.
 * @param[out] cost_per_fte       Receives #PLANOMSORG_DEFAULT_COST_PER_FTE (NOK).
 * @param[out] place_cost         Receives the default cost and ceiling per place (NOK).
 * @param[out] grant_nursing_home Receives the default grant share of nursing-home places.
 * @param[out] grant_housing      Receives the default grant share of omsorgsboliger.
 * @param[out] all                Receives #PLANOMSORG_COST_ALL.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_costs_defaults(double *cost_per_fte, double *place_cost,
                                                 double *grant_nursing_home,
                                                 double *grant_housing, int *all);

/**
 * @brief Compute costs per year.
 * @param[out] out     Receives the result (caller frees with planomsorg_costs_result_free()).
 * @param[in]  costs   The assumptions.
 * @param[in]  users   Array [year][level] of n_years * n_levels user-years (finite, >= 0),
 *                     or NULL (no user part).
 * @param[in]  n_users n_years * n_levels, or 0 with NULL @p users.
 * @param[in]  fte     Array of n_years FTEs employed (finite, >= 0), or NULL (no staff part).
 * @param[in]  n_fte   n_years, or 0 with NULL @p fte.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION, #PLANOMSORG_EVALUE
 *         or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_compute(planomsorg_costs_result **out,
                                               const planomsorg_costs *costs, const double *users,
                                               size_t n_users, const double *fte, size_t n_fte);

/**
 * @brief Free a cost result. Accepts NULL.
 * @param[in] result The result.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_costs_result_free(planomsorg_costs_result *result);

/**
 * @brief One value of a cost result.
 * @param[out] value   Receives the value (NOK, or places for #PLANOMSORG_COST_NEW_PLACES).
 * @param[in]  result  The result.
 * @param[in]  measure A PLANOMSORG_COST_* measure code.
 * @param[in]  year    A year of the result.
 * @param[in]  index   A level for #PLANOMSORG_COST_OPERATING_USERS, a place type for the
 *                     investment measures, or #PLANOMSORG_COST_ALL (the sum); must be
 *                     #PLANOMSORG_COST_ALL for the other measures.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_result_get(double *value,
                                                  const planomsorg_costs_result *result,
                                                  int measure, int year, int index);

/**
 * @brief Copy a measure's yearly totals (index #PLANOMSORG_COST_ALL) into an array.
 * @param[in]  result  The result.
 * @param[in]  measure A PLANOMSORG_COST_* measure code.
 * @param[out] out     Array of @p n doubles, one per year.
 * @param[in]  n       Must equal n_years.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_result_export(const planomsorg_costs_result *result,
                                                     int measure, double *out, size_t n);

/**
 * @brief Present value of a measure's yearly totals:
 *        sum_t X[t] * (1 + rate)^-(first_year + t - base_year).
 * @param[out] value     Receives the present value.
 * @param[in]  result    The result.
 * @param[in]  measure   A PLANOMSORG_COST_* measure code.
 * @param[in]  rate      Discount rate per year, finite, > -1 (0.04 is 4 %).
 * @param[in]  base_year The year discounted to (any year 1800..2300).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_costs_result_pv(double *value,
                                                 const planomsorg_costs_result *result,
                                                 int measure, double rate, int base_year);

/**
 * @brief Present value of a yearly series: sum_t values[t] * (1 + rate)^-(first_year + t - base_year).
 * @param[out] value      Receives the present value.
 * @param[in]  values     Array of @p n finite values, values[t] belonging to year first_year + t.
 * @param[in]  n          Number of years (>= 1).
 * @param[in]  first_year Year of values[0] (1800..2300).
 * @param[in]  rate       Discount rate per year, finite, > -1.
 * @param[in]  base_year  The year discounted to (1800..2300).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_present_value(double *value, const double *values, size_t n,
                                               int first_year, double rate, int base_year);

#ifdef __cplusplus
}
#endif

#endif
