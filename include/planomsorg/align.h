/**
 * @file align.h
 * @brief Aligning a single-age, by-sex population to official age-group totals.
 *
 * SSB publishes its municipal projections by age group only (ten groups, both
 * sexes together). A cohort-component projection gives single ages by sex.
 * Alignment rescales the detailed population so that, in every year, its sum
 * over each age group equals the official total, while keeping the detail:
 *
 * - planomsorg_align_groups(): within each year y and group g, every cell
 *   (sex s, age a in g) is multiplied by the same factor
 *   f[y][g] = T[y][g] / sum_{s, a in g} P[y][s][a]. This is exact in one step
 *   (it is the first and final step of iterative proportional fitting with a
 *   single margin) and keeps the shares of each sex and single age within the
 *   group unchanged. Ages outside every group are left as they are.
 * - planomsorg_align_groups_sex(): two margins, the group totals (both sexes)
 *   and the total of each sex over all ages, fitted by iterative proportional
 *   fitting (Deming and Stephan 1940): alternately scale each group to its
 *   target and each sex to its target until both margins hold.
 *
 * Both report what they changed through a report handle: for every year and
 * group the persons before and after and the factor, so that a user can see
 * how far the detailed projection was moved to agree with the official one.
 * The methods are documented in docs/methods/align.md.
 *
 * Target arrays are laid out year-major: `targets[y * n_groups + g]` for the
 * years first_year .. first_year + n_years - 1; sex targets as
 * `sex_targets[y * 2 + sex]` (women first).
 */
#ifndef PLANOMSORG_ALIGN_H
#define PLANOMSORG_ALIGN_H

#include "population.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque report of an alignment: persons before and after per year and group. */
typedef struct planomsorg_align_report planomsorg_align_report;

/** Default relative tolerance of planomsorg_align_groups_sex(). */
#define PLANOMSORG_ALIGN_DEFAULT_TOLERANCE 1e-12
/** Default iteration limit of planomsorg_align_groups_sex(). */
#define PLANOMSORG_ALIGN_DEFAULT_MAX_ITER 1000

/**
 * @brief Scale each age group of each year to a target total (both sexes).
 *
 * For each year and group every cell of the group is multiplied by
 * target / current sum. Groups must not overlap; they need not cover every
 * age. On failure the population is unchanged and `*report` is NULL.
 * @param[out]    report     Receives the report (caller frees with
 *                           planomsorg_align_report_free()); may be NULL when no
 *                           report is wanted.
 * @param[in,out] pop        The population to align.
 * @param[in]     first_year First year of the targets; every target year must be held by @p pop.
 * @param[in]     n_years    Number of target years (>= 1).
 * @param[in]     n_groups   Number of age groups (>= 1).
 * @param[in]     age_lo     Lowest age of each group (@p n_groups values, 0..max_age).
 * @param[in]     age_hi     Highest age of each group, inclusive, or #PLANOMSORG_AGE_OPEN.
 * @param[in]     targets    Target persons, `targets[y * n_groups + g]`, finite and >= 0.
 * @return #PLANOMSORG_OK; #PLANOMSORG_EINVAL (NULL argument, n_years or n_groups < 1);
 *         #PLANOMSORG_ERANGE (a year not held, an age outside 0..max_age, age_hi < age_lo);
 *         #PLANOMSORG_ECONSISTENCY (groups overlap, or a group holds no persons but
 *         its target is positive); #PLANOMSORG_EVALUE (a target negative, NaN or
 *         infinite); #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_align_groups(planomsorg_align_report **report,
                                              planomsorg_population *pop, int first_year,
                                              int n_years, int n_groups, const int *age_lo,
                                              const int *age_hi, const double *targets);

/**
 * @brief Fit age-group totals (both sexes) and totals by sex together, by iterative
 *        proportional fitting.
 *
 * The groups must cover every age 0..max_age exactly once, and in every year the
 * two sex targets must add up to the sum of the group targets (relative
 * difference at most 1e-9). Each iteration scales every group to its target,
 * then every sex to its target; it stops when every group sum is within
 * @p tolerance × the year's total of its target. On failure the population is
 * unchanged and `*report` is NULL.
 * @param[out]    report      Receives the report (caller frees); may be NULL.
 * @param[in,out] pop         The population to align.
 * @param[in]     first_year  First target year.
 * @param[in]     n_years     Number of target years (>= 1).
 * @param[in]     n_groups    Number of age groups (>= 1).
 * @param[in]     age_lo      Lowest age of each group.
 * @param[in]     age_hi      Highest age of each group, or #PLANOMSORG_AGE_OPEN.
 * @param[in]     targets     Group targets, `targets[y * n_groups + g]`.
 * @param[in]     sex_targets Sex targets, `sex_targets[y * 2 + sex]`.
 * @param[in]     tolerance   Relative tolerance (> 0, e.g.
 *                            #PLANOMSORG_ALIGN_DEFAULT_TOLERANCE).
 * @param[in]     max_iter    Iteration limit (>= 1, e.g. #PLANOMSORG_ALIGN_DEFAULT_MAX_ITER).
 * @return As planomsorg_align_groups(); also #PLANOMSORG_ECONSISTENCY when the groups
 *         leave an age uncovered or the margins' totals differ, or a sex holds no
 *         persons but its target is positive; #PLANOMSORG_ECONVERGE when the margins
 *         are not met within @p max_iter iterations (structural zeros can make them
 *         unattainable).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_align_groups_sex(planomsorg_align_report **report,
                                                  planomsorg_population *pop, int first_year,
                                                  int n_years, int n_groups, const int *age_lo,
                                                  const int *age_hi, const double *targets,
                                                  const double *sex_targets, double tolerance,
                                                  int max_iter);

/**
 * @brief Free a report. Accepts NULL.
 * @param[in] report The report.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_align_report_free(planomsorg_align_report *report);

/**
 * @brief First year of a report.
 * @param[in] report The report.
 * @return The year; 0 when @p report is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_align_report_first_year(const planomsorg_align_report *report);

/**
 * @brief Number of years of a report.
 * @param[in] report The report.
 * @return The number of years; 0 when @p report is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_align_report_n_years(const planomsorg_align_report *report);

/**
 * @brief Number of age groups of a report.
 * @param[in] report The report.
 * @return The number of groups; 0 when @p report is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_align_report_n_groups(const planomsorg_align_report *report);

/**
 * @brief Iterations used (1 for planomsorg_align_groups()).
 * @param[in] report The report.
 * @return The number of iterations; 0 when @p report is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_align_report_iterations(const planomsorg_align_report *report);

/**
 * @brief What the alignment did to one group in one year.
 *
 * Persons added (or, when negative, removed) are `after - before`.
 * @param[in]  report The report.
 * @param[in]  year   A year of the report.
 * @param[in]  group  0..n_groups-1, in the order the groups were given.
 * @param[out] before Receives the group's persons before alignment; may be NULL.
 * @param[out] after  Receives the persons after alignment (the target); may be NULL.
 * @param[out] factor Receives after / before (1 when both are 0); may be NULL.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_align_report_group(const planomsorg_align_report *report,
                                                    int year, int group, double *before,
                                                    double *after, double *factor);

/**
 * @brief Persons of one sex (all ages in the groups) before and after alignment.
 * @param[in]  report The report.
 * @param[in]  year   A year of the report.
 * @param[in]  sex    #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @param[out] before Receives the persons before; may be NULL.
 * @param[out] after  Receives the persons after; may be NULL.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_align_report_sex(const planomsorg_align_report *report, int year,
                                                  int sex, double *before, double *after);

#ifdef __cplusplus
}
#endif

#endif
