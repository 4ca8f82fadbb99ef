/**
 * @file common.h
 * @brief Export macro, sex codes and the run-time version of libplanomsorg.
 */
#ifndef PLANOMSORG_COMMON_H
#define PLANOMSORG_COMMON_H

#include <stddef.h>

#if defined(PLANOMSORG_BUILDING) && defined(__GNUC__)
/** Marks a function as part of the exported ABI. */
#define PLANOMSORG_EXPORT __attribute__((visibility("default")))
#else
/** Marks a function as part of the exported ABI. */
#define PLANOMSORG_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Sex code: women. Arrays indexed by sex put women first. */
#define PLANOMSORG_SEX_FEMALE 0
/** Sex code: men. */
#define PLANOMSORG_SEX_MALE 1
/** Sex code for sums over both sexes (accepted where a function says so). */
#define PLANOMSORG_SEX_BOTH 2
/** Number of sexes in arrays indexed by sex. */
#define PLANOMSORG_N_SEXES 2

/**
 * @brief The library's version at run time, as "MAJOR.MINOR.PATCH".
 * @return A static string; never NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_version_string(void);

/**
 * @brief The library's version at run time, as MAJOR * 10000 + MINOR * 100 + PATCH.
 *
 * Compare with #PLANOMSORG_VERSION_NUMBER to detect a header/library mismatch.
 * @return The version number.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_version_number(void);

/**
 * @brief Name of a sex code.
 * @param[in] sex #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or #PLANOMSORG_SEX_BOTH.
 * @return "female", "male" or "both"; NULL for any other code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_sex_name(int sex);

/**
 * @brief Free memory that the library allocated and handed to the caller
 *        (strings and buffers returned through `**out` parameters). Accepts NULL.
 *
 * Handles have their own `_free` functions; this is for plain memory only.
 * @param[in] ptr The memory.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif
