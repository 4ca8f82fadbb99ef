/**
 * @file staffing.h
 * @brief Staff demand and supply (årsverk/FTE and persons) by level, competence group and year.
 *
 * A staffing handle holds the assumptions of a staffing calculation for
 * n_levels levels of a care staircase, n_groups competence groups and the
 * years first_year .. first_year + n_years - 1 (t = year - first_year):
 *
 * Demand, for users U[t][k] of level k in year t:
 * - net FTE  D[t][k]    = U[t][k] * f[k] * S[t] / E[t], where f[k] is FTE per
 *   user-year, S[t] the standard factor and E[t] the productivity factor
 *   (both 1 in year t = 0 by default);
 * - by group  D[t][k][g] = D[t][k] * mix[k][g] (rows of mix sum to 1);
 * - gross FTE G[t][k][g] = D[t][k][g] / (1 - a[g]), a[g] the absence rate
 *   (sykefravær) of group g: the FTEs to be employed;
 * - persons   H[t][k][g] = G[t][k][g] / p[t][g], p the mean position share
 *   (stillingsandel) of group g in year t.
 *
 * Supply, per group g, by single age x = #PLANOMSORG_STAFF_MIN_AGE ..
 * #PLANOMSORG_STAFF_MAX_AGE, in persons N[t][g][x]: each year
 * exits (retirement) = N * e[x], attrition = (N - exits) * r[g], the stayers
 * age one year, recruits R[t][g] enter spread over ages by a recruitment age
 * profile; persons at the last age all exit. So, per group,
 * stock(t+1) = stock(t) - exits(t) - attrition(t) + recruits(t).
 * Supply in FTE is N * p[t][g]; the gap is supply - demand (gross FTE, or persons).
 *
 * Flat arrays:
 * - users for planomsorg_staffing_compute(): [year][level], index t * n_levels + k;
 * - the mix: [level][group], index k * n_groups + g;
 * - workforce by age: [age - #PLANOMSORG_STAFF_MIN_AGE], #PLANOMSORG_STAFF_N_AGES values;
 * - result exports: see planomsorg_staffing_result_export().
 *
 * The default handle (planomsorg_staffing_new_default()) has the 8 levels of
 * the default staircase: 0 no services, 1 low-threshold/preventive, 2 practical
 * help, 3 home nursing, 4 omsorgsbolig, 5 housing with 24-hour staff,
 * 6 short-term institution stay, 7 long-term institution stay; and the four
 * groups #PLANOMSORG_GROUP_NURSE .. #PLANOMSORG_GROUP_OTHER. Its tables and their
 * sources are documented in docs/methods/staffing.md.
 */
#ifndef PLANOMSORG_STAFFING_H
#define PLANOMSORG_STAFFING_H

#include "population.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque staffing assumptions. */
typedef struct planomsorg_staffing planomsorg_staffing;
/** Opaque result of planomsorg_staffing_compute(). */
typedef struct planomsorg_staffing_result planomsorg_staffing_result;

/** @name Default competence groups
 *  Group indices of the default handle; names can be changed. @{ */
#define PLANOMSORG_GROUP_NURSE 0     /**< nurses (sykepleiere) and other staff with higher education in health */
#define PLANOMSORG_GROUP_HEALTH 1    /**< health workers (helsefagarbeidere, hjelpepleiere, omsorgsarbeidere) */
#define PLANOMSORG_GROUP_ASSISTANT 2 /**< assistants without health education (ufaglærte) */
#define PLANOMSORG_GROUP_OTHER 3     /**< other staff (therapists, management, support) */
#define PLANOMSORG_N_DEFAULT_GROUPS 4 /**< number of default groups */
/** @} */

/** Number of levels of the default staircase used by planomsorg_staffing_new_default(). */
#define PLANOMSORG_STAFF_DEFAULT_LEVELS 8
/** Largest number of levels or groups accepted. */
#define PLANOMSORG_STAFF_MAX_DIM 64
/** Level or group index meaning "sum over all" in result getters. */
#define PLANOMSORG_STAFF_ALL (-1)
/** Youngest age of the workforce. */
#define PLANOMSORG_STAFF_MIN_AGE 16
/** Oldest age of the workforce (everybody of this age exits at the end of the year). */
#define PLANOMSORG_STAFF_MAX_AGE 74
/** Number of single ages of the workforce. */
#define PLANOMSORG_STAFF_N_AGES (PLANOMSORG_STAFF_MAX_AGE - PLANOMSORG_STAFF_MIN_AGE + 1)
/** Tolerance of the check that mix rows and age profiles sum to 1. */
#define PLANOMSORG_STAFF_SUM_TOLERANCE 1e-6

/** @name Result measures
 *  Codes for planomsorg_staffing_result_get() and planomsorg_staffing_result_export().
 *  Demand measures exist per level and group; supply measures per group only
 *  (pass #PLANOMSORG_STAFF_ALL as level); the share per year only. @{ */
#define PLANOMSORG_STAFF_FTE_NET 0        /**< demand, FTE before absence D[t][k][g] */
#define PLANOMSORG_STAFF_FTE 1            /**< demand, FTE to be employed (grossed for absence) G[t][k][g] */
#define PLANOMSORG_STAFF_PERSONS 2        /**< demand, persons (headcount) H[t][k][g] */
#define PLANOMSORG_STAFF_SUPPLY_PERSONS 3 /**< supply, persons on 1 January of year t */
#define PLANOMSORG_STAFF_SUPPLY_FTE 4     /**< supply, FTE = persons * position share */
#define PLANOMSORG_STAFF_GAP_FTE 5        /**< supply FTE - demand FTE (negative = shortage) */
#define PLANOMSORG_STAFF_GAP_PERSONS 6    /**< supply persons - demand persons */
#define PLANOMSORG_STAFF_EXITS 7          /**< persons leaving by age (retirement) during year t */
#define PLANOMSORG_STAFF_ATTRITION 8      /**< persons leaving for other reasons during year t */
#define PLANOMSORG_STAFF_RECRUITS 9       /**< persons recruited during year t */
#define PLANOMSORG_STAFF_SHARE_20_66 10   /**< demand FTE (all groups) / population aged 20-66 */
#define PLANOMSORG_STAFF_N_MEASURES 11    /**< number of measure codes */
/** @} */

/**
 * @brief Create neutral staffing assumptions: FTE per user 0, mix rows all in group 0,
 *        factors 1, absence 0, position share 1, no exits before the last age, no
 *        attrition, recruits aged 20-34 replacing the first year's leavers, workforce unset.
 * @param[out] out        Receives the handle (caller frees with planomsorg_staffing_free()).
 * @param[in]  n_levels   Number of levels (1..#PLANOMSORG_STAFF_MAX_DIM).
 * @param[in]  n_groups   Number of competence groups (1..#PLANOMSORG_STAFF_MAX_DIM), named
 *                        "group0", "group1", ... until renamed.
 * @param[in]  first_year First year (1800..2300).
 * @param[in]  n_years    Number of years (1..500).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_new(planomsorg_staffing **out, int n_levels,
                                              int n_groups, int first_year, int n_years);

/**
 * @brief Create staffing assumptions with the documented defaults for the default
 *        8-level staircase and the four default groups (docs/methods/staffing.md).
 *
 * FTE per user, mix, absence, position shares, retirement by age and attrition are
 * national defaults; the workforce is left unset (supply then starts from the
 * first year's demand, see planomsorg_staffing_set_workforce()) and recruitment
 * replaces the first year's leavers.
 * @param[out] out        Receives the handle (caller frees).
 * @param[in]  first_year First year (1800..2300).
 * @param[in]  n_years    Number of years (1..500).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_new_default(planomsorg_staffing **out, int first_year,
                                                      int n_years);

/**
 * @brief Adapt a default handle to a region from the embedded KOSTRA data.
 *
 * Sets FTE per user of level 3 (home nursing) from the region's mean assigned
 * hours per week per home-nursing recipient (#PLANOMSORG_KOSTRA_HOME_NURSING_HOURS)
 * as hours * 52 / hours_per_fte / direct_share, with hours_per_fte = 1695 and
 * direct_share = 0.45 (docs/methods/staffing.md), and the nurses' workforce from
 * the region's nurse FTEs (#PLANOMSORG_KOSTRA_NURSE_FTE) divided by the nurses'
 * position share of the first year, spread over ages by the default age profile.
 * A suppressed cell leaves the corresponding default unchanged.
 * @param[in,out] staffing A handle with at least 4 levels and the default nurse group 0.
 * @param[in]     region   A municipality number, or NULL / "0000" for Norway.
 * @param[in]     year     A KOSTRA statistics year held (2024 or 2025).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION (fewer than 4 levels)
 *         or #PLANOMSORG_ENOTFOUND (unknown region or year).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_use_kostra(planomsorg_staffing *staffing,
                                                     const char *region, int year);

/**
 * @brief Free staffing assumptions. Accepts NULL.
 * @param[in] staffing The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_staffing_free(planomsorg_staffing *staffing);

/**
 * @brief Deep copy.
 * @param[out] out      Receives the copy (caller frees).
 * @param[in]  staffing The handle to copy.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_copy(planomsorg_staffing **out,
                                               const planomsorg_staffing *staffing);

/**
 * @brief Number of levels. @param[in] staffing The handle.
 * @return The number; 0 when @p staffing is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_n_levels(const planomsorg_staffing *staffing);

/**
 * @brief Number of competence groups. @param[in] staffing The handle.
 * @return The number; 0 when @p staffing is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_n_groups(const planomsorg_staffing *staffing);

/**
 * @brief First year. @param[in] staffing The handle.
 * @return The year; 0 when @p staffing is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_first_year(const planomsorg_staffing *staffing);

/**
 * @brief Number of years. @param[in] staffing The handle.
 * @return The number; 0 when @p staffing is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_n_years(const planomsorg_staffing *staffing);

/**
 * @brief Rename a competence group.
 * @param[in,out] staffing The handle.
 * @param[in]     group    0..n_groups-1.
 * @param[in]     name     A non-empty UTF-8 name of at most 63 bytes (copied).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_group_name(planomsorg_staffing *staffing,
                                                         int group, const char *name);

/**
 * @brief Name of a competence group.
 * @param[in] staffing The handle.
 * @param[in] group    0..n_groups-1.
 * @return A string borrowed from the handle (valid until it is renamed or freed),
 *         or NULL for a NULL handle or an unknown group.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_staffing_group_name(const planomsorg_staffing *staffing,
                                                             int group);

/**
 * @brief Index of a competence group by name.
 * @param[out] group    Receives the index.
 * @param[in]  staffing The handle.
 * @param[in]  name     The name (exact match).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_find_group(int *group,
                                                     const planomsorg_staffing *staffing,
                                                     const char *name);

/**
 * @brief Default English name of a default group code ("nurse", "health_worker",
 *        "assistant", "other").
 * @param[in] group A PLANOMSORG_GROUP_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_group_default_name(int group);

/**
 * @brief Stable snake_case name of a result measure ("fte", "gap_fte", ...).
 * @param[in] measure A PLANOMSORG_STAFF_* measure code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_staff_measure_name(int measure);

/**
 * @brief The values of the module's numeric constants, for bindings that cannot read
 *        macros. Every pointer may be NULL.
 * @param[out] min_age        Receives #PLANOMSORG_STAFF_MIN_AGE.
 * @param[out] max_age        Receives #PLANOMSORG_STAFF_MAX_AGE.
 * @param[out] max_dim        Receives #PLANOMSORG_STAFF_MAX_DIM.
 * @param[out] default_levels Receives #PLANOMSORG_STAFF_DEFAULT_LEVELS.
 * @param[out] all            Receives #PLANOMSORG_STAFF_ALL.
 * @param[out] sum_tolerance  Receives #PLANOMSORG_STAFF_SUM_TOLERANCE.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_staffing_limits(int *min_age, int *max_age, int *max_dim,
                                                  int *default_levels, int *all,
                                                  double *sum_tolerance);

/**
 * @brief Set FTE (årsverk) per user-year of a level.
 * @param[in,out] staffing The handle.
 * @param[in]     level    0..n_levels-1.
 * @param[in]     fte      Finite, >= 0.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_fte_per_user(planomsorg_staffing *staffing,
                                                           int level, double fte);

/**
 * @brief Set FTE per user-year of a level from hours: hours_per_week * weeks / hours_per_fte.
 * @param[in,out] staffing       The handle.
 * @param[in]     level          0..n_levels-1.
 * @param[in]     hours_per_week Staff hours per user and week (finite, >= 0).
 * @param[in]     weeks          Weeks per year with service (finite, 0 < weeks <= 53).
 * @param[in]     hours_per_fte  Hours one FTE works per year (finite, > 0; e.g. 1695).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_hours_per_user(planomsorg_staffing *staffing,
                                                             int level, double hours_per_week,
                                                             double weeks, double hours_per_fte);

/**
 * @brief FTE per user-year of a level.
 * @param[out] fte      Receives the value.
 * @param[in]  staffing The handle.
 * @param[in]  level    0..n_levels-1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_fte_per_user(double *fte,
                                                       const planomsorg_staffing *staffing,
                                                       int level);

/**
 * @brief Set the competence mix of a level: the share of its FTEs in each group.
 * @param[in,out] staffing The handle.
 * @param[in]     level    0..n_levels-1.
 * @param[in]     shares   Array of @p n finite shares in [0, 1] summing to 1
 *                         (within #PLANOMSORG_STAFF_SUM_TOLERANCE).
 * @param[in]     n        Must equal n_groups.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION
 *         or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_mix(planomsorg_staffing *staffing, int level,
                                                  const double *shares, size_t n);

/**
 * @brief Share of a level's FTEs in a group.
 * @param[out] share    Receives the share.
 * @param[in]  staffing The handle.
 * @param[in]  level    0..n_levels-1.
 * @param[in]  group    0..n_groups-1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_mix(double *share, const planomsorg_staffing *staffing,
                                              int level, int group);

/**
 * @brief Replace FTE per user of all levels and the whole mix from flat arrays.
 *
 * Everything is checked first; on failure the handle is unchanged.
 * @param[in,out] staffing    The handle.
 * @param[in]     fte_per_user Array of n_levels values (finite, >= 0).
 * @param[in]     n_fte       Must equal n_levels.
 * @param[in]     mix         Array [level][group] of n_levels * n_groups shares, rows summing to 1.
 * @param[in]     n_mix       Must equal n_levels * n_groups.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_import_tables(planomsorg_staffing *staffing,
                                                        const double *fte_per_user, size_t n_fte,
                                                        const double *mix, size_t n_mix);

/**
 * @brief Copy FTE per user and the mix into flat arrays (layouts as for the import).
 * @param[in]  staffing     The handle.
 * @param[out] fte_per_user Array of n_levels values.
 * @param[in]  n_fte        Must equal n_levels.
 * @param[out] mix          Array of n_levels * n_groups values.
 * @param[in]  n_mix        Must equal n_levels * n_groups.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_export_tables(const planomsorg_staffing *staffing,
                                                        double *fte_per_user, size_t n_fte,
                                                        double *mix, size_t n_mix);

/**
 * @brief Set the standard factor S[t] per year (growth of resources per user).
 * @param[in,out] staffing The handle.
 * @param[in]     factor   Array of @p n finite factors > 0, one per year.
 * @param[in]     n        Must equal n_years.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_standard_path(planomsorg_staffing *staffing,
                                                            const double *factor, size_t n);

/**
 * @brief Set the productivity factor E[t] per year (efficiency, welfare technology).
 * @param[in,out] staffing The handle.
 * @param[in]     factor   Array of @p n finite factors > 0, one per year.
 * @param[in]     n        Must equal n_years.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_productivity_path(planomsorg_staffing *staffing,
                                                                const double *factor, size_t n);

/**
 * @brief Set the standard factor as constant growth: S[t] = (1 + rate)^t.
 * @param[in,out] staffing The handle.
 * @param[in]     rate     Annual growth, finite, > -1 (0.005 is 0.5 % a year).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_standard_growth(planomsorg_staffing *staffing,
                                                              double rate);

/**
 * @brief Set the productivity factor as constant growth: E[t] = (1 + rate)^t.
 * @param[in,out] staffing The handle.
 * @param[in]     rate     Annual growth, finite, > -1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_productivity_growth(planomsorg_staffing *staffing,
                                                                  double rate);

/**
 * @brief Standard and productivity factors of a year.
 * @param[out] standard     Receives S[t] (may be NULL).
 * @param[out] productivity Receives E[t] (may be NULL).
 * @param[in]  staffing     The handle.
 * @param[in]  year         A year held.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_factors(double *standard, double *productivity,
                                                  const planomsorg_staffing *staffing, int year);

/**
 * @brief Set the absence rate (sykefravær) of a group: gross FTE = net FTE / (1 - rate).
 * @param[in,out] staffing The handle.
 * @param[in]     group    0..n_groups-1.
 * @param[in]     rate     Finite, 0 <= rate < 0.9.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_absence(planomsorg_staffing *staffing, int group,
                                                      double rate);

/**
 * @brief Set a group's mean position share (stillingsandel), the same in every year.
 * @param[in,out] staffing The handle.
 * @param[in]     group    0..n_groups-1.
 * @param[in]     share    Finite, 0 < share <= 1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_position_share(planomsorg_staffing *staffing,
                                                             int group, double share);

/**
 * @brief Set a group's mean position share per year.
 * @param[in,out] staffing The handle.
 * @param[in]     group    0..n_groups-1.
 * @param[in]     share    Array of @p n shares, each finite, 0 < share <= 1.
 * @param[in]     n        Must equal n_years.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION
 *         or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_position_share_path(planomsorg_staffing *staffing,
                                                                  int group, const double *share,
                                                                  size_t n);

/**
 * @brief The "heltidskultur" lever: raise every group's position share by
 *        @p increase per year from the first year, up to @p cap:
 *        p[t][g] = min(max(p[0][g], cap), p[0][g] + increase * t).
 * @param[in,out] staffing The handle.
 * @param[in]     increase Finite, >= 0 (0.01 is one percentage point a year).
 * @param[in]     cap      Finite, 0 < cap <= 1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_fulltime_lever(planomsorg_staffing *staffing,
                                                             double increase, double cap);

/**
 * @brief Absence rate and position share of a group in a year.
 * @param[out] absence  Receives the absence rate (may be NULL).
 * @param[out] share    Receives the position share (may be NULL).
 * @param[in]  staffing The handle.
 * @param[in]  group    0..n_groups-1.
 * @param[in]  year     A year held.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_group_rates(double *absence, double *share,
                                                      const planomsorg_staffing *staffing,
                                                      int group, int year);

/**
 * @brief Set a group's workforce on 1 January of the first year, persons by single age.
 *
 * A group whose workforce is never set starts from the first year's demand in
 * persons, spread over ages by the default age profile (a balanced start).
 * @param[in,out] staffing The handle.
 * @param[in]     group    0..n_groups-1.
 * @param[in]     persons  Array of @p n persons (finite, >= 0), ages
 *                         #PLANOMSORG_STAFF_MIN_AGE..#PLANOMSORG_STAFF_MAX_AGE.
 * @param[in]     n        Must equal #PLANOMSORG_STAFF_N_AGES.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION
 *         or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_workforce(planomsorg_staffing *staffing, int group,
                                                        const double *persons, size_t n);

/**
 * @brief Set a group's workforce as a total, spread over ages by the default age profile.
 * @param[in,out] staffing The handle.
 * @param[in]     group    0..n_groups-1.
 * @param[in]     persons  Finite, >= 0.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_workforce_total(planomsorg_staffing *staffing,
                                                              int group, double persons);

/**
 * @brief Set a group's workforce from persons by age band, spread evenly over the single
 *        ages of each band.
 * @param[in,out] staffing The handle.
 * @param[in]     group    0..n_groups-1.
 * @param[in]     persons  Array of @p n_bands persons (finite, >= 0).
 * @param[in]     age_lo   Array of @p n_bands lowest ages (>= #PLANOMSORG_STAFF_MIN_AGE).
 * @param[in]     age_hi   Array of @p n_bands highest ages (age_lo..#PLANOMSORG_STAFF_MAX_AGE);
 *                         bands must not overlap (ages not covered get nobody).
 * @param[in]     n_bands  Number of bands (1..#PLANOMSORG_STAFF_N_AGES).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE (a group or age out of
 *         range, or overlapping bands) or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_workforce_bands(planomsorg_staffing *staffing,
                                                              int group, const double *persons,
                                                              const int *age_lo,
                                                              const int *age_hi, size_t n_bands);

/**
 * @brief Set the exit (retirement) probability by single age, the same for every group.
 * @param[in,out] staffing The handle.
 * @param[in]     rate     Array of @p n probabilities in [0, 1], ages
 *                         #PLANOMSORG_STAFF_MIN_AGE..#PLANOMSORG_STAFF_MAX_AGE (the last
 *                         age's value is ignored: everybody that age exits).
 * @param[in]     n        Must equal #PLANOMSORG_STAFF_N_AGES.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_exit_rates(planomsorg_staffing *staffing,
                                                         const double *rate, size_t n);

/**
 * @brief Set a group's yearly attrition: the share of the remaining staff leaving for
 *        other reasons (other sectors, emigration, death) each year.
 * @param[in,out] staffing The handle.
 * @param[in]     group    0..n_groups-1.
 * @param[in]     rate     Finite, in [0, 1].
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_attrition(planomsorg_staffing *staffing, int group,
                                                        double rate);

/**
 * @brief Set a group's recruits (persons entering) per year.
 *
 * A group whose recruitment is never set recruits, every year, as many persons
 * as leave it in the first year (replacement of the first year's leavers).
 * @param[in,out] staffing The handle.
 * @param[in]     group    0..n_groups-1.
 * @param[in]     persons  Array of @p n recruits (finite, >= 0), one per year.
 * @param[in]     n        Must equal n_years.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION
 *         or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_recruitment(planomsorg_staffing *staffing,
                                                          int group, const double *persons,
                                                          size_t n);

/**
 * @brief Set the age profile of recruits (the same for every group).
 * @param[in,out] staffing The handle.
 * @param[in]     profile  Array of @p n shares in [0, 1] summing to 1, ages
 *                         #PLANOMSORG_STAFF_MIN_AGE..#PLANOMSORG_STAFF_MAX_AGE.
 * @param[in]     n        Must equal #PLANOMSORG_STAFF_N_AGES.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_set_recruit_ages(planomsorg_staffing *staffing,
                                                           const double *profile, size_t n);

/**
 * @brief Compute demand, supply and gap for users per level and year.
 * @param[out] out      Receives the result (caller frees with planomsorg_staffing_result_free()).
 * @param[in]  staffing The assumptions.
 * @param[in]  users    Array [year][level] of n_years * n_levels users (finite, >= 0),
 *                      index t * n_levels + k, mean users during year first_year + t.
 * @param[in]  n_users  Must equal n_years * n_levels.
 * @param[in]  pop      Population for #PLANOMSORG_STAFF_SHARE_20_66, or NULL (the measure is
 *                      then unavailable); must hold every year of the handle.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION, #PLANOMSORG_EVALUE,
 *         #PLANOMSORG_ERANGE (the population lacks a year) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_compute(planomsorg_staffing_result **out,
                                                  const planomsorg_staffing *staffing,
                                                  const double *users, size_t n_users,
                                                  const planomsorg_population *pop);

/**
 * @brief Free a staffing result. Accepts NULL.
 * @param[in] result The result.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_staffing_result_free(planomsorg_staffing_result *result);

/**
 * @brief One value of a staffing result.
 * @param[out] value   Receives the value.
 * @param[in]  result  The result.
 * @param[in]  measure A PLANOMSORG_STAFF_* measure code.
 * @param[in]  year    A year of the result.
 * @param[in]  level   0..n_levels-1 or #PLANOMSORG_STAFF_ALL; must be #PLANOMSORG_STAFF_ALL
 *                     for supply, gap and share measures.
 * @param[in]  group   0..n_groups-1 or #PLANOMSORG_STAFF_ALL (ignored for the share).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, or #PLANOMSORG_ESTATE
 *         (the share without a population).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_result_get(double *value,
                                                     const planomsorg_staffing_result *result,
                                                     int measure, int year, int level, int group);

/**
 * @brief Number of values of a measure in planomsorg_staffing_result_export():
 *        n_years * n_levels * n_groups for demand measures, n_years * n_groups for
 *        supply and gap measures, n_years for the share.
 * @param[in] result  The result.
 * @param[in] measure A PLANOMSORG_STAFF_* measure code.
 * @return The number; 0 for a NULL result or an unknown measure.
 * @since 1.0
 */
PLANOMSORG_EXPORT size_t planomsorg_staffing_result_size(const planomsorg_staffing_result *result,
                                                         int measure);

/**
 * @brief Copy one measure into a flat array: [year][level][group] (index
 *        (t * n_levels + k) * n_groups + g) for demand measures, [year][group] for
 *        supply and gap measures, [year] for the share.
 * @param[in]  result  The result.
 * @param[in]  measure A PLANOMSORG_STAFF_* measure code.
 * @param[out] out     Array of @p n doubles.
 * @param[in]  n       Must equal planomsorg_staffing_result_size().
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_EDIMENSION or #PLANOMSORG_ESTATE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staffing_result_export(const planomsorg_staffing_result *result,
                                                        int measure, double *out, size_t n);

#ifdef __cplusplus
}
#endif

#endif
