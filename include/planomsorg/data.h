/**
 * @file data.h
 * @brief The embedded default data set: real Norwegian population and KOSTRA counts.
 *
 * Compiled into the library, so that a fresh install runs on real data without
 * any file. Derived by `tools/derive_data.py` from public statistics:
 * - population on 1 January by single age (0..105+) and sex, Statistics Norway
 *   (SSB) table 07459, for Norway 1986-2026 and for the 357 municipalities
 *   (2024 borders) 2024-2026 (via FHI's csdata); SSB, NLOD 2.0;
 * - KOSTRA/IPLOS care-service counts per municipality for 2024 and 2025
 *   (SSB tables 12292, 11645, 14534; via Telemarksforsking's panel); SSB, NLOD 2.0.
 *
 * Regions are four-digit municipality numbers on 2024 borders ("0301" Oslo,
 * "5001" Trondheim) or NULL (or "0000") for Norway.
 */
#ifndef PLANOMSORG_DATA_H
#define PLANOMSORG_DATA_H

#include "population.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Region code for the whole country (NULL is accepted as well). */
#define PLANOMSORG_NORWAY "0000"

/** @name KOSTRA/IPLOS indicators
 *  Codes for planomsorg_data_kostra(). Counts are persons at the end of the
 *  statistics year unless stated otherwise. @{ */
#define PLANOMSORG_KOSTRA_HOME_USERS 0        /**< recipients of home-based services, all ages */
#define PLANOMSORG_KOSTRA_HOME_USERS_0_66 1   /**< of which aged 0-66 */
#define PLANOMSORG_KOSTRA_HOME_USERS_67_79 2  /**< of which aged 67-79 (total - 0-66 - 80+) */
#define PLANOMSORG_KOSTRA_HOME_USERS_80P 3    /**< of which aged 80+ */
#define PLANOMSORG_KOSTRA_HOUSING24 4         /**< residents in housing with 24-hour staff */
#define PLANOMSORG_KOSTRA_LONGTERM 5          /**< residents with a long-term institution stay */
#define PLANOMSORG_KOSTRA_LONGTERM_0_66 6     /**< of which aged 0-66 */
#define PLANOMSORG_KOSTRA_LONGTERM_67_79 7    /**< of which aged 67-79 */
#define PLANOMSORG_KOSTRA_LONGTERM_80P 8      /**< of which aged 80+ */
#define PLANOMSORG_KOSTRA_NURSE_FTE 9         /**< nurses' agreed FTEs (årsverk) in care services */
#define PLANOMSORG_KOSTRA_HOME_NURSING_HOURS 10 /**< mean assigned hours/week per home-nursing recipient */
#define PLANOMSORG_N_KOSTRA 11                /**< number of indicator codes */
/** @} */

/**
 * @brief The embedded population of Norway or a municipality.
 * @param[out] out    Receives the population (caller frees): Norway 1986-2026 or a
 *                    municipality 2024-2026, ages 0..105 (105 open).
 * @param[in]  region A municipality number ("5001"), or NULL / #PLANOMSORG_NORWAY.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ENOTFOUND (unknown
 *         municipality) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_data_population(planomsorg_population **out,
                                                 const char *region);

/**
 * @brief Number of municipalities in the embedded data (357).
 * @return The count.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_data_n_municipalities(void);

/**
 * @brief Municipality number of the i-th municipality (in ascending code order).
 * @param[in] index 0..planomsorg_data_n_municipalities()-1.
 * @return A static four-digit string, or NULL for an index out of range.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_data_municipality_code(int index);

/**
 * @brief Name of a region.
 * @param[in] region A municipality number, or NULL / #PLANOMSORG_NORWAY ("Norway").
 * @return A static UTF-8 string, or NULL for an unknown region.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_data_region_name(const char *region);

/**
 * @brief A KOSTRA/IPLOS indicator of a region and statistics year.
 *
 * For Norway the value is the sum over the municipalities (the mean weighted by
 * recipients is not available, so #PLANOMSORG_KOSTRA_HOME_NURSING_HOURS is the
 * mean weighted by home-service users for Norway). SSB suppresses small counts:
 * such cells are missing.
 * @param[out] out       Receives the value, or NaN when missing.
 * @param[in]  region    A municipality number, or NULL / #PLANOMSORG_NORWAY.
 * @param[in]  year      A statistics year held (2024 or 2025).
 * @param[in]  indicator A PLANOMSORG_KOSTRA_* code.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ENOTFOUND (unknown region
 *         or year) or #PLANOMSORG_EMISSING (the cell is suppressed or absent).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_data_kostra(double *out, const char *region, int year,
                                             int indicator);

/**
 * @brief Stable snake_case name of a KOSTRA indicator ("home_users_80p").
 * @param[in] indicator A PLANOMSORG_KOSTRA_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_kostra_name(int indicator);

/**
 * @brief Citation of the embedded data's sources and licences.
 * @return A static UTF-8 string.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_data_sources(void);

#ifdef __cplusplus
}
#endif

#endif
