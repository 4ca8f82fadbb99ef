/**
 * @file plan.h
 * @brief The whole plan: population, service users, coverage, staff and costs under one
 *        or more scenarios, with one queryable result. Method: docs/methods/plan.md.
 *
 * A plan binds
 * - a region (Norway or a municipality) and the years base_year .. last_year;
 * - a population: projected from the embedded 1 January population of the base year
 *   with the region's default demography (demography.h) under each scenario's
 *   demography alternative (the default), optionally aligned to the age-group totals of
 *   an SSB projection table (ssbproj.h) under the same alternative, or one population
 *   given by the caller and used by every scenario;
 * - a staircase (staircase.h) with use rates (rates mode) or transitions (Markov mode);
 *   by default the eight-level default staircase with rates from the region's KOSTRA
 *   counts of the year before the base year (when SSB suppressed a count that the
 *   default rates need in that year, the nearest KOSTRA year with every count: the base
 *   year, then two years before it; a year set with planomsorg_plan_set_rates_kostra()
 *   is used as given);
 * - staffing and cost assumptions (staffing.h, costs.h); by default the documented
 *   national defaults adapted to the region's KOSTRA figures;
 * - scenarios (scenario.h); a plan without scenarios runs the middle bundle.
 *
 * planomsorg_plan_run() runs every scenario (services.h, then staffing.h, then costs.h)
 * and returns a planomsorg_plan_result queried by (scenario, year, measure, level, group).
 * How the levers reach the modules:
 * - health theta(y): healthier ageing with dLE[y][s] = theta(y) * (e65[y][s] - e65[base][s]),
 *   e65 the remaining life expectancy at 65 of the scenario's demography;
 * - family care: planomsorg_services_set_family_care(); dreining: planomsorg_services_set_dreining()
 *   on every level of kind #PLANOMSORG_LEVEL_KIND_LONG_TERM; capacity plans:
 *   planomsorg_services_set_capacity() on the named levels, coverage targets turned into
 *   places with planomsorg_coverage_required() on the scenario's population;
 * - standard and productivity: the staffing factors S[t] and E[t] are the cumulative
 *   growth factors from the base year (planomsorg_scenario_growth_factor());
 * - recruitment: the recruits of every group in every year (as the staffing assumptions
 *   give them) are multiplied by the lever's value in that year.
 *
 * Measures (PLANOMSORG_MEASURE_*) and their breakdowns are listed with the codes; a
 * value "by level" is also available summed (level #PLANOMSORG_PLAN_ALL), likewise
 * "by group". Users summed over levels exclude the residual level (kind none), so
 * that they count service users; users of every level, the residual included, sum to
 * the population.
 */
#ifndef PLANOMSORG_PLAN_H
#define PLANOMSORG_PLAN_H

#include "population.h"
#include "staircase.h"
#include "transitions.h"
#include "result.h"
#include "staffing.h"
#include "costs.h"
#include "scenario.h"
#include "ssbproj.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque plan handle. */
typedef struct planomsorg_plan planomsorg_plan;
/** Opaque plan result. */
typedef struct planomsorg_plan_result planomsorg_plan_result;

/** Level or group index meaning "summed over all" in plan-result queries. */
#define PLANOMSORG_PLAN_ALL (-1)
/** Largest number of scenarios a plan may hold. */
#define PLANOMSORG_PLAN_MAX_SCENARIOS 64
/** Place type meaning "no investment" for planomsorg_plan_set_place_type(). */
#define PLANOMSORG_PLACE_NONE (-1)

/** @name Measures
 *  Codes for planomsorg_plan_result_get(); see planomsorg_plan_measure_name(). @{ */
#define PLANOMSORG_MEASURE_POPULATION 0       /**< persons, all ages */
#define PLANOMSORG_MEASURE_POPULATION_80P 1   /**< persons aged 80+ */
#define PLANOMSORG_MEASURE_POPULATION_20_66 2 /**< persons aged 20-66 */
#define PLANOMSORG_MEASURE_USERS 3            /**< users, by level */
#define PLANOMSORG_MEASURE_QUEUE 4            /**< persons held back by capacity, by level */
#define PLANOMSORG_MEASURE_COVERAGE_24H_80P 5 /**< users of 24-hour levels (all ages) per person 80+ */
#define PLANOMSORG_MEASURE_PLACES_NEEDED 6    /**< users + queue of capacity-limited levels, by level */
#define PLANOMSORG_MEASURE_FTE_DEMAND 7       /**< FTE to be employed (gross of absence), by level and group */
#define PLANOMSORG_MEASURE_HEADCOUNT_DEMAND 8 /**< persons to be employed, by level and group */
#define PLANOMSORG_MEASURE_FTE_SUPPLY 9       /**< FTE supplied by the workforce, by group */
#define PLANOMSORG_MEASURE_HEADCOUNT_SUPPLY 10 /**< persons in the workforce, by group */
#define PLANOMSORG_MEASURE_FTE_GAP 11         /**< FTE supply - demand (negative = shortage), by group */
#define PLANOMSORG_MEASURE_FTE_SHARE_20_66 12 /**< FTE demand per person aged 20-66 */
#define PLANOMSORG_MEASURE_COST_OPERATING 13  /**< operating cost, NOK fixed prices */
#define PLANOMSORG_MEASURE_COST_INVESTMENT 14 /**< investment in new places net of state grants, NOK */
#define PLANOMSORG_MEASURE_COST_GRANT 15      /**< state investment grants, NOK */
#define PLANOMSORG_MEASURE_COST_TOTAL 16      /**< operating + net investment, NOK */
#define PLANOMSORG_MEASURE_NEW_PLACES 17      /**< new places built (places needed or planned) */
#define PLANOMSORG_N_MEASURES 18              /**< number of measure codes */
/** @} */

/**
 * @brief Progress callback of planomsorg_plan_run_progress(), called after each scenario.
 * @param[in] user_data The pointer given to planomsorg_plan_run_progress().
 * @param[in] done      Scenarios finished so far (1..total).
 * @param[in] total     Number of scenarios.
 * @since 1.0
 */
typedef void (*planomsorg_progress_fn)(void *user_data, int done, int total);

/**
 * @brief Create the default plan of a region: embedded population projected by the
 *        default demography, default staircase with KOSTRA rates of base_year - 1 (see
 *        the file description for suppressed counts),
 *        default staffing and costs, no scenarios (the middle bundle is run).
 * @param[out] out       Receives the handle (caller frees with planomsorg_plan_free()).
 * @param[in]  region    A municipality number, or NULL / #PLANOMSORG_NORWAY.
 * @param[in]  base_year The first year (1900..2100). The embedded population, the default
 *                       demography and the KOSTRA rates need 2025 or 2026; other years
 *                       run with a given population and rates.
 * @param[in]  last_year base_year .. 2100.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE (years),
 *         #PLANOMSORG_ENOTFOUND (unknown municipality) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_new(planomsorg_plan **out, const char *region,
                                          int base_year, int last_year);

/**
 * @brief Free a plan. Accepts NULL.
 * @param[in] plan The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_plan_free(planomsorg_plan *plan);

/**
 * @brief Change the region (keeps every other setting).
 * @param[in,out] plan   The plan.
 * @param[in]     region A municipality number, or NULL / #PLANOMSORG_NORWAY.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_region(planomsorg_plan *plan, const char *region);

/**
 * @brief The region of a plan.
 * @param[in] plan The plan.
 * @return "0000" for Norway or a municipality number, borrowed from @p plan; NULL when
 *         @p plan is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_plan_region(const planomsorg_plan *plan);

/**
 * @brief Change the years of a plan.
 * @param[in,out] plan      The plan.
 * @param[in]     base_year As for planomsorg_plan_new().
 * @param[in]     last_year base_year .. 2100.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_years(planomsorg_plan *plan, int base_year,
                                                int last_year);

/**
 * @brief Base year and last year of a plan.
 * @param[out] base_year Receives the base year (may be NULL).
 * @param[out] last_year Receives the last year (may be NULL).
 * @param[in]  plan      The plan.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_years(int *base_year, int *last_year,
                                            const planomsorg_plan *plan);

/**
 * @brief Use a given population for every scenario instead of the projection
 *        (copied; NULL returns to the projection). It must hold base_year .. last_year
 *        when the plan runs; the demography alternative of a scenario then only sets
 *        the life expectancy used by the health lever.
 * @param[in,out] plan The plan.
 * @param[in]     pop  The population, or NULL.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_population(planomsorg_plan *plan,
                                                     const planomsorg_population *pop);

/**
 * @brief Align the projected population of every scenario to an SSB projection table.
 *
 * After the cohort-component projection under a scenario's demography alternative
 * (main, low, high), every year held by both the projection and the table is scaled
 * group by group to the table's totals of the same alternative (MMMM, LLML, HHMH) with
 * planomsorg_ssbproj_align(): single ages and sexes keep their shares within each group.
 * A population given with planomsorg_plan_set_population() is not aligned.
 * @param[in,out] plan   The plan.
 * @param[in]     proj   The table, or NULL to remove the alignment. Borrowed: it must stay
 *                       valid while the plan uses it (until the plan is freed or the
 *                       alignment replaced).
 * @param[in]     region The region's name in the table (matched as
 *                       planomsorg_ssbproj_find_region() does), or NULL for the plan's
 *                       region: "Hele landet" for Norway, else the municipality's name.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (a name longer than 127 bytes) or
 *         #PLANOMSORG_ENOTFOUND (the region is not in the table).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_alignment(planomsorg_plan *plan,
                                                    const planomsorg_ssbproj *proj,
                                                    const char *region);

/**
 * @brief Replace the staircase (copied). Rates return to "not set" unless the staircase
 *        is the default one (then the KOSTRA rates apply); transitions are removed.
 * @param[in,out] plan The plan.
 * @param[in]     sc   The staircase (one level of kind none, as services.h requires).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ECONSISTENCY or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_staircase(planomsorg_plan *plan,
                                                    const planomsorg_staircase *sc);

/**
 * @brief The staircase of a plan.
 * @param[in] plan The plan.
 * @return A pointer borrowed from @p plan (valid until the staircase is replaced), or NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const planomsorg_staircase *planomsorg_plan_staircase(const planomsorg_plan *plan);

/**
 * @brief Set use rates by level, band and sex (copied; layout as
 *        planomsorg_services_set_rates()).
 * @param[in,out] plan    The plan.
 * @param[in]     rates   K * n_bands * 2 rates.
 * @param[in]     n       Must be K * n_bands * 2.
 * @param[in]     band_lo Lower ages of the bands.
 * @param[in]     n_bands 1..#PLANOMSORG_MAX_AGE_BANDS.
 * @return As planomsorg_services_set_rates().
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_rates(planomsorg_plan *plan, const double *rates,
                                                size_t n, const int *band_lo, size_t n_bands);

/**
 * @brief Use the region's KOSTRA rates of a statistics year (default staircase only).
 * @param[in,out] plan The plan.
 * @param[in]     year A KOSTRA year held by the embedded data.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ECONSISTENCY (not the default
 *         staircase) or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_rates_kostra(planomsorg_plan *plan, int year);

/**
 * @brief Use Markov mode with these transitions (copied), or rates mode with NULL.
 *        The first year's state comes from the rates; with a projected population the
 *        death probabilities are those of each scenario's demography.
 * @param[in,out] plan The plan.
 * @param[in]     tr   Transitions with as many levels as the staircase, or NULL.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_transitions(planomsorg_plan *plan,
                                                      const planomsorg_transitions *tr);

/**
 * @brief Use these staffing assumptions (copied) instead of the defaults. Their levels
 *        must match the staircase and their years must be base_year .. last_year when
 *        the plan runs. NULL returns to the defaults.
 * @param[in,out] plan     The plan.
 * @param[in]     staffing The assumptions, or NULL.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_staffing(planomsorg_plan *plan,
                                                   const planomsorg_staffing *staffing);

/**
 * @brief Use these cost assumptions (copied) instead of the defaults. Levels and years
 *        as for planomsorg_plan_set_staffing(); their capacity paths are replaced by the
 *        plan's places. NULL returns to the defaults.
 * @param[in,out] plan  The plan.
 * @param[in]     costs The assumptions, or NULL.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_costs(planomsorg_plan *plan,
                                                const planomsorg_costs *costs);

/**
 * @brief Choose the place type whose investment a level's new places cost.
 *
 * Default by kind: housing and 24-hour housing #PLANOMSORG_PLACE_HOUSING, short- and
 * long-term stays #PLANOMSORG_PLACE_NURSING_HOME, other levels #PLANOMSORG_PLACE_NONE.
 * Places of a level in a year are its capacity when a capacity plan caps it, otherwise
 * its users; new places are the rises of the sum per place type.
 * @param[in,out] plan  The plan.
 * @param[in]     level 0..K-1.
 * @param[in]     type  A PLANOMSORG_PLACE_* code or #PLANOMSORG_PLACE_NONE.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_set_place_type(planomsorg_plan *plan, int level, int type);

/**
 * @brief Add a scenario (copied).
 * @param[in,out] plan The plan.
 * @param[in]     sc   The scenario; its name must be new to the plan.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDUPLICATE, #PLANOMSORG_ERANGE
 *         (more than #PLANOMSORG_PLAN_MAX_SCENARIOS) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_add_scenario(planomsorg_plan *plan,
                                                   const planomsorg_scenario *sc);

/**
 * @brief Remove every scenario.
 * @param[in,out] plan The plan.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_clear_scenarios(planomsorg_plan *plan);

/**
 * @brief Keep only the scenario with a name.
 * @param[in,out] plan The plan.
 * @param[in]     name A scenario name of the plan.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_keep_scenario(planomsorg_plan *plan, const char *name);

/**
 * @brief Number of scenarios.
 * @param[in] plan The plan.
 * @return The count; 0 when @p plan is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_n_scenarios(const planomsorg_plan *plan);

/**
 * @brief A scenario of the plan.
 * @param[in] plan  The plan.
 * @param[in] index 0..n_scenarios-1.
 * @return A pointer borrowed from @p plan (valid until scenarios change), or NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const planomsorg_scenario *planomsorg_plan_scenario(const planomsorg_plan *plan,
                                                                     int index);

/**
 * @brief Run every scenario of the plan (the middle bundle when it has none).
 *
 * The plan is only read, so several threads may run the same plan at once.
 * @param[out] out  Receives the result (caller frees with planomsorg_plan_result_free()).
 * @param[in]  plan The plan (read only).
 * @return #PLANOMSORG_OK, or the status of the failing module (the message names the
 *         scenario); #PLANOMSORG_ECONSISTENCY when a capacity plan names an unknown level
 *         or staffing/costs do not match the staircase; #PLANOMSORG_EDIMENSION when
 *         their years do not match the plan's; #PLANOMSORG_ESTATE when a custom staircase
 *         has no rates.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_run(planomsorg_plan_result **out,
                                          const planomsorg_plan *plan);

/**
 * @brief As planomsorg_plan_run(), calling @p progress after each scenario.
 * @param[out] out       Receives the result (caller frees).
 * @param[in]  plan      The plan.
 * @param[in]  progress  The callback, or NULL.
 * @param[in]  user_data Passed to @p progress.
 * @return As planomsorg_plan_run().
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_run_progress(planomsorg_plan_result **out,
                                                   const planomsorg_plan *plan,
                                                   planomsorg_progress_fn progress,
                                                   void *user_data);

/**
 * @brief Free a plan result. Accepts NULL.
 * @param[in] r The result.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_plan_result_free(planomsorg_plan_result *r);

/**
 * @brief Number of scenarios in a result.
 * @param[in] r The result.
 * @return The count; 0 when @p r is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_result_n_scenarios(const planomsorg_plan_result *r);

/**
 * @brief Name of a scenario of a result.
 * @param[in] r        The result.
 * @param[in] scenario 0..n_scenarios-1.
 * @return A string borrowed from @p r, or NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_plan_result_scenario_name(const planomsorg_plan_result *r,
                                                                   int scenario);

/**
 * @brief Index of a scenario of a result by name.
 * @param[out] scenario Receives the index.
 * @param[in]  r        The result.
 * @param[in]  name     The name.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_result_find_scenario(int *scenario,
                                                           const planomsorg_plan_result *r,
                                                           const char *name);

/**
 * @brief Years of a result.
 * @param[out] first_year Receives the base year (may be NULL).
 * @param[out] last_year  Receives the last year (may be NULL).
 * @param[in]  r          The result.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_result_years(int *first_year, int *last_year,
                                                   const planomsorg_plan_result *r);

/**
 * @brief The region of a result ("0000" or a municipality number).
 * @param[in] r The result.
 * @return A string borrowed from @p r, or NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_plan_result_region(const planomsorg_plan_result *r);

/**
 * @brief The staircase of a result (level names and indices of queries).
 * @param[in] r The result.
 * @return A pointer borrowed from @p r, or NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const planomsorg_staircase *
planomsorg_plan_result_staircase(const planomsorg_plan_result *r);

/**
 * @brief Number of competence groups of a result.
 * @param[in] r The result.
 * @return The count; 0 when @p r is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_result_n_groups(const planomsorg_plan_result *r);

/**
 * @brief Name of a competence group of a result.
 * @param[in] r     The result.
 * @param[in] group 0..n_groups-1.
 * @return A string borrowed from @p r, or NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_plan_result_group_name(const planomsorg_plan_result *r,
                                                                int group);

/**
 * @brief One value of a result.
 * @param[out] out      Receives the value.
 * @param[in]  r        The result.
 * @param[in]  scenario 0..n_scenarios-1.
 * @param[in]  year     A year of the result.
 * @param[in]  measure  A PLANOMSORG_MEASURE_* code.
 * @param[in]  level    0..K-1 for a measure by level, else (and for the sum)
 *                      #PLANOMSORG_PLAN_ALL.
 * @param[in]  group    0..n_groups-1 for a measure by group, else (and for the sum)
 *                      #PLANOMSORG_PLAN_ALL.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL, unknown measure, or a level or group
 *         for a measure without that breakdown) or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_result_get(double *out, const planomsorg_plan_result *r,
                                                 int scenario, int year, int measure,
                                                 int level, int group);

/**
 * @brief The band between the scenarios: min and max over every scenario of one value.
 * @param[out] lo      Receives the minimum.
 * @param[out] hi      Receives the maximum.
 * @param[in]  r       The result.
 * @param[in]  year    A year of the result.
 * @param[in]  measure A PLANOMSORG_MEASURE_* code.
 * @param[in]  level   As planomsorg_plan_result_get().
 * @param[in]  group   As planomsorg_plan_result_get().
 * @return As planomsorg_plan_result_get().
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_result_band(double *lo, double *hi,
                                                  const planomsorg_plan_result *r, int year,
                                                  int measure, int level, int group);

/**
 * @brief Present value of a cost measure over the result's years, discounted to the base
 *        year b: sum_y X[y] * (1 + rate)^-(y - b) (costs.h, planomsorg_present_value()).
 * @param[out] out      Receives the present value (NOK).
 * @param[in]  r        The result.
 * @param[in]  scenario 0..n_scenarios-1.
 * @param[in]  measure  #PLANOMSORG_MEASURE_COST_OPERATING, #PLANOMSORG_MEASURE_COST_INVESTMENT,
 *                      #PLANOMSORG_MEASURE_COST_GRANT or #PLANOMSORG_MEASURE_COST_TOTAL.
 * @param[in]  rate     Discount rate per year, finite, > -1 (0.04 is 4 %).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL or not a cost measure),
 *         #PLANOMSORG_ERANGE (scenario) or #PLANOMSORG_EVALUE (rate).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_result_present_value(double *out,
                                                           const planomsorg_plan_result *r,
                                                           int scenario, int measure,
                                                           double rate);

/**
 * @brief The service projection behind one scenario (users and queues by age and sex).
 * @param[in] r        The result.
 * @param[in] scenario 0..n_scenarios-1.
 * @return A pointer borrowed from @p r, or NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const planomsorg_result *
planomsorg_plan_result_services(const planomsorg_plan_result *r, int scenario);

/**
 * @brief Stable snake_case name of a measure, as in the CSV layout ("population",
 *        "population_80p", "population_20_66", "users", "queue", "coverage_24h_80p",
 *        "places_needed", "fte_demand", "headcount_demand", "fte_supply",
 *        "headcount_supply", "fte_gap", "fte_share_20_66", "cost_operating",
 *        "cost_investment", "cost_grant", "cost_total", "new_places").
 * @param[in] measure A PLANOMSORG_MEASURE_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_plan_measure_name(int measure);

/**
 * @brief The measure with a name.
 * @param[out] measure Receives the code.
 * @param[in]  name    A name as returned by planomsorg_plan_measure_name().
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_measure_find(int *measure, const char *name);

/**
 * @brief Breakdowns of a measure.
 * @param[out] by_level Receives 1 when the measure exists by level, else 0 (may be NULL).
 * @param[out] by_group Receives 1 when the measure exists by group, else 0 (may be NULL).
 * @param[in]  measure  A PLANOMSORG_MEASURE_* code.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_measure_dims(int *by_level, int *by_group, int measure);

/**
 * @brief Write a result as long CSV: header `scenario,year,measure,level,group,value`,
 *        then for every scenario, year and measure the total (level and group "all"),
 *        one row per level for measures by level (group "all") and one row per group for
 *        measures by group (level "all"); values with 17 significant digits.
 * @param[in] r    The result.
 * @param[in] path The output file (overwritten).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EIO.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_result_write_csv(const planomsorg_plan_result *r,
                                                       const char *path);

/**
 * @brief Read a plan file (YAML; format in docs/plan-file.md).
 * @param[out] out  Receives the plan (caller frees with planomsorg_plan_free()).
 * @param[in]  path The file; files it names (a population CSV, an SSB table) are relative to
 *                  its directory.
 * @return #PLANOMSORG_OK; #PLANOMSORG_EIO (unreadable), #PLANOMSORG_EFORMAT (not YAML, an
 *         unknown key, a wrong type), #PLANOMSORG_EVALUE (a value out of range),
 *         #PLANOMSORG_ENOTFOUND (an unknown level, group, scenario or region),
 *         #PLANOMSORG_EDIMENSION (a path whose length does not match its years),
 *         #PLANOMSORG_EDUPLICATE, #PLANOMSORG_EMISSING, #PLANOMSORG_ENOMEM. Messages read
 *         "FILE:LINE:COLUMN: ...".
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_read_yaml(planomsorg_plan **out, const char *path);

/**
 * @brief Parse a plan file from memory (format of planomsorg_plan_read_yaml()).
 * @param[out] out    Receives the plan (caller frees).
 * @param[in]  text   The bytes (need not be NUL-terminated).
 * @param[in]  len    Number of bytes.
 * @param[in]  source Name used in messages and directory for relative file names; may be
 *                    NULL ("<plan>", current directory).
 * @return As planomsorg_plan_read_yaml().
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_plan_parse_yaml(planomsorg_plan **out, const char *text,
                                                 size_t len, const char *source);

#ifdef __cplusplus
}
#endif

#endif
