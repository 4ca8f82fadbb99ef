/**
 * @file staircase.h
 * @brief The care staircase (tjenestetrappen): K service levels, lowest first.
 *
 * A staircase is an ordered list of levels. Each level has a name, a kind
 * (PLANOMSORG_LEVEL_KIND_*) and flags (PLANOMSORG_LEVEL_FLAG_*): whether it counts
 * toward 24-hour coverage (heldøgnsomsorg) and whether its places are limited by a
 * capacity. Every person is in exactly one level in every year (the highest
 * service he or she receives); level indices run 0..K-1 in the order the levels
 * were added. The default Norwegian staircase (DESIGN.md section 1) has the eight
 * levels PLANOMSORG_LEVEL_NONE .. PLANOMSORG_LEVEL_LONG_TERM.
 */
#ifndef PLANOMSORG_STAIRCASE_H
#define PLANOMSORG_STAIRCASE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque staircase handle. */
typedef struct planomsorg_staircase planomsorg_staircase;

/** Largest number of levels a staircase may have. */
#define PLANOMSORG_MAX_LEVELS 64
/** Longest level name in bytes (without the terminating NUL). */
#define PLANOMSORG_LEVEL_NAME_MAX 63
/** Level code meaning "all levels" where a function says it accepts it. */
#define PLANOMSORG_ALL_LEVELS (-1)

/** @name Level kinds
 *  Codes for planomsorg_staircase_add_level(); see planomsorg_level_kind_name(). @{ */
#define PLANOMSORG_LEVEL_KIND_NONE 0       /**< no services (the residual level) */
#define PLANOMSORG_LEVEL_KIND_HOME 1       /**< services to people living at home */
#define PLANOMSORG_LEVEL_KIND_HOUSING 2    /**< sheltered housing (omsorgsbolig) */
#define PLANOMSORG_LEVEL_KIND_HOUSING24 3  /**< housing with 24-hour staff */
#define PLANOMSORG_LEVEL_KIND_SHORT_TERM 4 /**< short-term institution stay */
#define PLANOMSORG_LEVEL_KIND_LONG_TERM 5  /**< long-term institution stay */
#define PLANOMSORG_N_LEVEL_KINDS 6         /**< number of kind codes */
/** @} */

/** @name Level flags
 *  Bits for planomsorg_staircase_add_level(); see planomsorg_level_flag_name(). @{ */
#define PLANOMSORG_LEVEL_FLAG_24H 1u      /**< counts toward 24-hour coverage */
#define PLANOMSORG_LEVEL_FLAG_CAPACITY 2u /**< places are capacity-limited */
#define PLANOMSORG_LEVEL_FLAGS_ALL 3u     /**< every defined flag bit */
/** @} */

/** @name Levels of the default staircase
 *  Indices of planomsorg_staircase_new_default(). @{ */
#define PLANOMSORG_LEVEL_NONE 0         /**< 0 no services */
#define PLANOMSORG_LEVEL_LOW_THRESHOLD 1 /**< 1 low-threshold/preventive (alarm, day centre) */
#define PLANOMSORG_LEVEL_PRACTICAL 2    /**< 2 practical help (praktisk bistand) */
#define PLANOMSORG_LEVEL_HOME_NURSING 3 /**< 3 home nursing (hjemmesykepleie) */
#define PLANOMSORG_LEVEL_HOUSING 4      /**< 4 sheltered housing (omsorgsbolig) */
#define PLANOMSORG_LEVEL_HOUSING24 5    /**< 5 housing with 24-hour staff */
#define PLANOMSORG_LEVEL_SHORT_TERM 6   /**< 6 short-term institution stay */
#define PLANOMSORG_LEVEL_LONG_TERM 7    /**< 7 long-term institution stay */
#define PLANOMSORG_N_DEFAULT_LEVELS 8   /**< number of levels of the default staircase */
/** @} */

/**
 * @brief Create an empty staircase; add levels with planomsorg_staircase_add_level().
 * @param[out] out Receives the handle (caller frees with planomsorg_staircase_free()).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staircase_new(planomsorg_staircase **out);

/**
 * @brief Create the default Norwegian staircase of eight levels.
 *
 * Names: "none", "low_threshold", "practical_help", "home_nursing", "housing",
 * "housing_24h", "short_term", "long_term". Kinds: none, home, home, home,
 * housing, housing24, short-term, long-term. Levels 5-7 carry
 * #PLANOMSORG_LEVEL_FLAG_24H; levels 4-7 carry #PLANOMSORG_LEVEL_FLAG_CAPACITY.
 * @param[out] out Receives the handle (caller frees).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staircase_new_default(planomsorg_staircase **out);

/**
 * @brief Free a staircase. Accepts NULL.
 * @param[in] sc The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_staircase_free(planomsorg_staircase *sc);

/**
 * @brief Deep copy of a staircase.
 * @param[out] out Receives the copy (caller frees).
 * @param[in]  sc  The staircase.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staircase_copy(planomsorg_staircase **out,
                                                const planomsorg_staircase *sc);

/**
 * @brief Append a level above the existing ones.
 * @param[in,out] sc    The staircase.
 * @param[in]     name  A unique, non-empty name of at most #PLANOMSORG_LEVEL_NAME_MAX bytes,
 *                      without commas, quotes or control characters.
 * @param[in]     kind  A PLANOMSORG_LEVEL_KIND_* code.
 * @param[in]     flags A combination of PLANOMSORG_LEVEL_FLAG_* bits.
 * @return #PLANOMSORG_OK; #PLANOMSORG_EINVAL (NULL, bad kind or flags, bad name),
 *         #PLANOMSORG_EDUPLICATE (name taken), #PLANOMSORG_ERANGE (already
 *         #PLANOMSORG_MAX_LEVELS levels), #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staircase_add_level(planomsorg_staircase *sc, const char *name,
                                                     int kind, unsigned flags);

/**
 * @brief Number of levels.
 * @param[in] sc The staircase.
 * @return K; 0 when @p sc is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staircase_n_levels(const planomsorg_staircase *sc);

/**
 * @brief Name of a level.
 * @param[in] sc    The staircase.
 * @param[in] level 0..K-1.
 * @return A string borrowed from @p sc (valid while it lives), or NULL for a bad level.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_staircase_level_name(const planomsorg_staircase *sc,
                                                              int level);

/**
 * @brief Kind of a level.
 * @param[out] kind  Receives a PLANOMSORG_LEVEL_KIND_* code.
 * @param[in]  sc    The staircase.
 * @param[in]  level 0..K-1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staircase_level_kind(int *kind, const planomsorg_staircase *sc,
                                                      int level);

/**
 * @brief Flags of a level.
 * @param[out] flags Receives the PLANOMSORG_LEVEL_FLAG_* bits.
 * @param[in]  sc    The staircase.
 * @param[in]  level 0..K-1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staircase_level_flags(unsigned *flags,
                                                       const planomsorg_staircase *sc, int level);

/**
 * @brief Index of the level with a name, or of a level given as a decimal index.
 * @param[out] level Receives 0..K-1.
 * @param[in]  sc    The staircase.
 * @param[in]  name  A level name (exact), or its index written in decimal ("7").
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOTFOUND.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staircase_find(int *level, const planomsorg_staircase *sc,
                                                const char *name);

/**
 * @brief Levels that carry all the given flag bits, in ascending order.
 * @param[out] levels   Array of at least @p capacity ints; receives the indices.
 * @param[out] n_found  Receives the number of matching levels (may exceed @p capacity,
 *                      in which case only the first @p capacity are written).
 * @param[in]  capacity Size of @p levels.
 * @param[in]  sc       The staircase.
 * @param[in]  flags    PLANOMSORG_LEVEL_FLAG_* bits (non-zero).
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_staircase_levels_with_flags(int *levels, size_t *n_found,
                                                             size_t capacity,
                                                             const planomsorg_staircase *sc,
                                                             unsigned flags);

/**
 * @brief Stable name of a level kind ("none", "home", "housing", "housing_24h",
 *        "short_term", "long_term").
 * @param[in] kind A PLANOMSORG_LEVEL_KIND_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_level_kind_name(int kind);

/**
 * @brief Stable name of a single level flag bit ("coverage_24h", "capacity_limited").
 * @param[in] flag One PLANOMSORG_LEVEL_FLAG_* bit.
 * @return A static string, or NULL for anything else.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_level_flag_name(unsigned flag);

/**
 * @brief The values of the numeric constants of staircase.h, transitions.h, services.h and
 *        result.h, for bindings that cannot read macros. Every pointer may be NULL.
 *
 * Code constants (kinds, flags, modes, quantities, default levels) have name functions
 * instead: planomsorg_level_kind_name(), planomsorg_level_flag_name(), planomsorg_mode_name(),
 * planomsorg_quantity_name(), planomsorg_staircase_level_name() of the default staircase.
 * @param[out] max_levels       Receives #PLANOMSORG_MAX_LEVELS.
 * @param[out] level_name_max   Receives #PLANOMSORG_LEVEL_NAME_MAX.
 * @param[out] all_levels       Receives #PLANOMSORG_ALL_LEVELS.
 * @param[out] flags_all        Receives #PLANOMSORG_LEVEL_FLAGS_ALL.
 * @param[out] n_default_levels Receives #PLANOMSORG_N_DEFAULT_LEVELS.
 * @param[out] any_year         Receives #PLANOMSORG_ANY_YEAR.
 * @param[out] max_age_bands    Receives #PLANOMSORG_MAX_AGE_BANDS.
 * @param[out] n_kostra_bands   Receives #PLANOMSORG_N_KOSTRA_BANDS.
 * @param[out] stochastic_tol   Receives #PLANOMSORG_STOCHASTIC_TOL.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_staircase_limits(int *max_levels, int *level_name_max,
                                                   int *all_levels, unsigned *flags_all,
                                                   int *n_default_levels, int *any_year,
                                                   int *max_age_bands, int *n_kostra_bands,
                                                   double *stochastic_tol);

#ifdef __cplusplus
}
#endif

#endif
