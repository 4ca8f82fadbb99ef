/**
 * @file ssbproj.h
 * @brief SSB's population projections by age group (tables 12882, 13600, 14288, 14746)
 *        and the observed population in the same layout (table 07459).
 *
 * SSB publishes its regional population projections by region, alternative,
 * year and age group, both sexes together. This module reads such a table as
 * exported long (one value per row) and answers questions about it: which
 * regions, alternatives and years it holds, the table of one region and
 * alternative, a band such as 80+, and aligning a single-age projection to it
 * (align.h).
 *
 * **File format**: UTF-8 CSV, comma-separated, a header naming at least the
 * columns `region`, `statistikkvariabel`, `år`, `alder` and `value` (in any
 * order; other columns such as `Tabell` are ignored; an optional `Framskriving`
 * column gives the projection round and must hold one year throughout).
 * - `region`: a region name as SSB writes it ("Hele landet", "Telemark",
 *   "Porsgrunn (2020-2023)").
 * - `statistikkvariabel`: the alternative: a label containing "(MMMM)"
 *   (Hovedalternativet, main), "(LLML)" (Lav nasjonal vekst, low) or "(HHMH)"
 *   (Høy nasjonal vekst, high), or `Personer` for the observed population
 *   (SSB's historical file); anything else is an error.
 * - `år`: the year (persons on 1 January).
 * - `alder`: an age group "N år", "N-M år" or "N år eller eldre" (English
 *   "N years", "N-M years", "N years or older" are accepted too). Groups must
 *   not overlap; SSB uses ten: 0, 1-5, 6-12, 13-15, 16-19, 20-44, 45-66, 67-79,
 *   80-89, 90+.
 * - `value`: persons, a finite number >= 0.
 *
 * Every combination of region, alternative, year (from the first to the last
 * year in the file) and age group must appear exactly once.
 *
 * Regions are named as in the file. Lookups accept the name exactly, or without
 * a trailing border-period suffix such as " (2020-2023)" on either side, so
 * "Porsgrunn" finds "Porsgrunn (2020-2023)". NULL stands for "Hele landet", and so
 * does #PLANOMSORG_NORWAY ("0000") unless a region has that very name.
 *
 * Tables are returned year-major: `out[y * n_groups + g]`, groups ordered by
 * age. A read handle is immutable and may be shared between threads.
 */
#ifndef PLANOMSORG_SSBPROJ_H
#define PLANOMSORG_SSBPROJ_H

#include "align.h"
#include "population.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque handle of an SSB projection (or observed) table by region and age group. */
typedef struct planomsorg_ssbproj planomsorg_ssbproj;

/** @name Alternatives
 *  Codes of SSB's projection alternatives. @{ */
#define PLANOMSORG_SSBPROJ_MAIN 0     /**< Hovedalternativet (MMMM), the main alternative */
#define PLANOMSORG_SSBPROJ_LOW 1      /**< Lav nasjonal vekst (LLML), low national growth */
#define PLANOMSORG_SSBPROJ_HIGH 2     /**< Høy nasjonal vekst (HHMH), high national growth */
#define PLANOMSORG_SSBPROJ_OBSERVED 3 /**< the observed population ("Personer", table 07459) */
#define PLANOMSORG_SSBPROJ_N_ALTERNATIVES 4 /**< number of alternative codes */
/** @} */

/**
 * @brief Read an SSB projection table from a CSV file (format in the file description).
 * @param[out] out  Receives the handle (caller frees with planomsorg_ssbproj_free()); NULL on failure.
 * @param[in]  path The file.
 * @return #PLANOMSORG_OK; #PLANOMSORG_EIO (cannot open or read); #PLANOMSORG_EEMPTY (no
 *         header or no rows); #PLANOMSORG_EFORMAT (a missing column, a wrong number of
 *         fields, overlapping age groups, mixed projection rounds);
 *         #PLANOMSORG_EVALUE (unknown alternative, malformed age group, a value that is
 *         not a finite number >= 0, a year that is not a whole number);
 *         #PLANOMSORG_ERANGE (year outside 1800..2300); #PLANOMSORG_EDUPLICATE (a cell
 *         twice); #PLANOMSORG_EMISSING (a cell absent); #PLANOMSORG_EENCODING (not UTF-8);
 *         #PLANOMSORG_ENOMEM; #PLANOMSORG_EINVAL. Messages name the file, line, column and value.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_read(planomsorg_ssbproj **out, const char *path);

/**
 * @brief Parse an SSB projection table from CSV text in memory.
 * @param[out] out    Receives the handle (caller frees); NULL on failure.
 * @param[in]  text   The bytes (need not be NUL-terminated).
 * @param[in]  len    Number of bytes.
 * @param[in]  source Name used in error messages; may be NULL.
 * @return As planomsorg_ssbproj_read(), without #PLANOMSORG_EIO.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_parse(planomsorg_ssbproj **out, const char *text,
                                               size_t len, const char *source);

/**
 * @brief Free a handle. Accepts NULL.
 * @param[in] proj The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_ssbproj_free(planomsorg_ssbproj *proj);

/**
 * @brief The projection round (the `Framskriving` column, e.g. 2024).
 * @param[in] proj The handle.
 * @return The round's year; 0 when the file has no such column or @p proj is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_round(const planomsorg_ssbproj *proj);

/**
 * @brief First year in the table.
 * @param[in] proj The handle.
 * @return The year; 0 when @p proj is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_first_year(const planomsorg_ssbproj *proj);

/**
 * @brief Number of years in the table (first to last, all present).
 * @param[in] proj The handle.
 * @return The number of years; 0 when @p proj is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_n_years(const planomsorg_ssbproj *proj);

/**
 * @brief Number of regions in the table.
 * @param[in] proj The handle.
 * @return The number of regions; 0 when @p proj is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_n_regions(const planomsorg_ssbproj *proj);

/**
 * @brief Name of the i-th region, as written in the file (in order of first appearance).
 * @param[in] proj  The handle.
 * @param[in] index 0..n_regions-1.
 * @return A string borrowed from @p proj (valid until it is freed), or NULL for a bad index.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_ssbproj_region(const planomsorg_ssbproj *proj, int index);

/**
 * @brief Find a region by name (exactly, or without a " (YYYY-YYYY)" suffix).
 * @param[out] index Receives the region's index.
 * @param[in]  proj  The handle.
 * @param[in]  name  The name; NULL, or "0000" when no region has that name, for "Hele landet".
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_find_region(int *index, const planomsorg_ssbproj *proj,
                                                     const char *name);

/**
 * @brief Whether the table holds an alternative.
 * @param[in] proj        The handle.
 * @param[in] alternative A PLANOMSORG_SSBPROJ_* code.
 * @return 1 when it does, 0 when not (or for a bad code or NULL handle).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_has_alternative(const planomsorg_ssbproj *proj,
                                                         int alternative);

/**
 * @brief Number of age groups in the table.
 * @param[in] proj The handle.
 * @return The number of groups (10 in SSB's tables); 0 when @p proj is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_n_groups(const planomsorg_ssbproj *proj);

/**
 * @brief Age limits of all groups, ordered by age.
 * @param[in]  proj   The handle.
 * @param[out] age_lo Array of @p n ints: lowest age of each group.
 * @param[out] age_hi Array of @p n ints: highest age, or #PLANOMSORG_AGE_OPEN.
 * @param[in]  n      Must equal planomsorg_ssbproj_n_groups().
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_groups(const planomsorg_ssbproj *proj, int *age_lo,
                                                int *age_hi, int n);

/**
 * @brief Label of a group as written in the file ("80-89 år").
 * @param[in] proj  The handle.
 * @param[in] group 0..n_groups-1 (ordered by age).
 * @return A string borrowed from @p proj, or NULL for a bad index.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_ssbproj_group_label(const planomsorg_ssbproj *proj,
                                                             int group);

/**
 * @brief The whole table of one region and alternative.
 * @param[in]  proj        The handle.
 * @param[in]  region      A region name (see planomsorg_ssbproj_find_region()).
 * @param[in]  alternative A PLANOMSORG_SSBPROJ_* code held by the table.
 * @param[out] out         Array of @p n doubles, `out[y * n_groups + g]`.
 * @param[in]  n           Must equal n_years * n_groups.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ENOTFOUND (region or alternative
 *         not in the table) or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_table(const planomsorg_ssbproj *proj, const char *region,
                                               int alternative, double *out, size_t n);

/**
 * @brief Persons in an age band of one year, summed over the groups that make it up.
 *
 * The band must be a union of whole groups, e.g. [80, #PLANOMSORG_AGE_OPEN] or [67, 89].
 * @param[in]  proj        The handle.
 * @param[in]  region      A region name.
 * @param[in]  alternative A PLANOMSORG_SSBPROJ_* code held by the table.
 * @param[in]  year        A year of the table.
 * @param[in]  age_lo      Lowest age of the band.
 * @param[in]  age_hi      Highest age, or #PLANOMSORG_AGE_OPEN.
 * @param[out] persons     Receives the sum.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ENOTFOUND (region, alternative),
 *         #PLANOMSORG_ERANGE (year not in the table) or #PLANOMSORG_ECONSISTENCY (the
 *         band does not start and end at group limits).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_band(const planomsorg_ssbproj *proj, const char *region,
                                              int alternative, int year, int age_lo, int age_hi,
                                              double *persons);

/**
 * @brief Align a single-age, by-sex population to the table's age-group totals.
 *
 * Applies planomsorg_align_groups() to every year held by both @p pop and the
 * table, with the table's groups and the totals of @p region and @p alternative.
 * @param[out]    report      Receives the report (caller frees); may be NULL.
 * @param[in,out] pop         The population to align.
 * @param[in]     proj        The table.
 * @param[in]     region      A region name.
 * @param[in]     alternative A PLANOMSORG_SSBPROJ_* code held by the table.
 * @return #PLANOMSORG_OK; #PLANOMSORG_ERANGE when no year is in both; as
 *         planomsorg_ssbproj_table() and planomsorg_align_groups() otherwise.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_align(planomsorg_align_report **report,
                                               planomsorg_population *pop,
                                               const planomsorg_ssbproj *proj,
                                               const char *region, int alternative);

/**
 * @brief Short name of an alternative: "main", "low", "high" or "observed".
 * @param[in] alternative A PLANOMSORG_SSBPROJ_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_ssbproj_alternative_name(int alternative);

/**
 * @brief SSB's label of an alternative, e.g. "Hovedalternativet (MMMM)" or "Personer".
 * @param[in] alternative A PLANOMSORG_SSBPROJ_* code.
 * @return A static UTF-8 string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_ssbproj_alternative_label(int alternative);

/**
 * @brief Code of an alternative from its short name ("main"), SSB code ("MMMM") or label.
 * @param[out] alternative Receives the PLANOMSORG_SSBPROJ_* code.
 * @param[in]  text        The text.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_ssbproj_alternative_parse(int *alternative, const char *text);

#ifdef __cplusplus
}
#endif

#endif
