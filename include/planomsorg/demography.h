/**
 * @file demography.h
 * @brief Demography: death, fertility and migration rates, life tables, the
 *        cohort-component projection and default assumptions from real data.
 *
 * A demography handle holds, for the years first_year .. first_year + n_years - 1,
 * both sexes and single ages 0 .. max_age (max_age an open band):
 * - central death rates m[y][s][a] (probabilities q may be given instead and are
 *   converted, see below);
 * - fertility rates f[y][a] by mother's age (births per woman per year);
 * - the sex ratio at birth (boys per girl) by year;
 * - net migration by year, sex and age, either as counts or as rates.
 *
 * **Life-table conventions** (docs/methods/demography.md):
 * q = m / (1 + (1 - a)·m) with a = 0.5 at ages 1 .. max_age - 1 and at age 0
 * the infant a0 of Andreev and Kingkade (2015), as used by the Human Mortality
 * Database (Methods Protocol v6). Life expectancy e(x) = T(x) / l(x) with
 * L(x) = l(x+1) + a·d(x) and the open band L(A) = l(A) / m(A) (so e(A) = 1/m(A)).
 *
 * **Projection** probabilities: the persons aged a on 1 January of year y die
 * before 1 January y+1 with q[y][a] = mb / (1 + 0.5·mb), mb the mean death rate
 * of their Lexis parallelogram: (m[a] + m[a+1]) / 2 for 1 <= a < A,
 * a0·m[0] + m[1] / 2 at age 0 (the upper triangle of age 0 holds the share a0
 * of infant deaths) and m[A] in the open band A. Every q is capped at 1 (rates
 * above 2 would otherwise give probabilities above 1).
 *
 * **Projection** (DESIGN.md section 2), one calendar year y → y+1, per sex,
 * A = max_age, S = survivors before migration:
 * - S[0] = B_s · (1 - (1 - a0)·q0), q0 = m0 / (1 + (1 - a0)·m0) (newborns survive
 *   to 1 January with L0/l0: infant deaths in the birth year are the part (1 - a0) of q0);
 * - S[x] = P[y][x-1]·(1 - q[y][x-1]) for 1 <= x < A;
 * - S[A] = P[y][A-1]·(1 - q[y][A-1]) + P[y][A]·(1 - q[y][A]);
 * - P[y+1][x] = S[x] + M[y][x], where M is net migration counted at the age
 *   reached on 1 January y+1 (rates: M[y][x] = rate[y][x]·S[x]);
 * - births B = Σ_a f[y][a]·(P[y][F][a] + P[y+1][F][a]) / 2 (women at ages >= 1
 *   on both dates), split B_boys = B·srb/(1+srb), B_girls = B/(1+srb).
 *
 * Net emigration larger than the survivors of a cell (possible with counts,
 * not with rates >= -1) is clamped: the population cell becomes 0, the
 * migration component records what was actually applied, and
 * planomsorg_components_clamped() reports the persons and cells clamped. The
 * accounting identity holds with the applied migration.
 *
 * Flat arrays of components use the population layout:
 * index = ((y * 2) + sex) * (max_age + 1) + age, y the index of the year of the flow.
 */
#ifndef PLANOMSORG_DEMOGRAPHY_H
#define PLANOMSORG_DEMOGRAPHY_H

#include "population.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque demography handle (rates by year, sex and age). */
typedef struct planomsorg_demography planomsorg_demography;

/** Opaque handle of the components of a projection (births, deaths, migration). */
typedef struct planomsorg_components planomsorg_components;

/** @name Kinds of mortality input
 *  For planomsorg_demography_set_mortality(). @{ */
#define PLANOMSORG_MORTALITY_RATE 0        /**< central death rates m (>= 0) */
#define PLANOMSORG_MORTALITY_PROBABILITY 1 /**< one-year death probabilities q in [0, 1] */
/** @} */

/** @name Kinds of migration input
 *  For planomsorg_demography_set_migration(). @{ */
#define PLANOMSORG_MIGRATION_COUNTS 0 /**< net migrants (persons, may be negative) */
#define PLANOMSORG_MIGRATION_RATES 1  /**< net migrants per survivor of the cell (>= -1) */
/** @} */

/** @name Demographic components
 *  Codes for planomsorg_demography_scale() (the first three) and
 *  planomsorg_components_get() / _sum() / _export() (all). @{ */
#define PLANOMSORG_COMPONENT_DEATHS 0    /**< deaths of the cohort reaching age x on 1 Jan y+1
                                              (age 0: infant deaths of the year's births);
                                              for scale(): the death rates m */
#define PLANOMSORG_COMPONENT_BIRTHS 1    /**< live births of the year (stored at age 0);
                                              for scale(): the fertility rates */
#define PLANOMSORG_COMPONENT_MIGRATION 2 /**< net migration applied, by age on 1 Jan y+1;
                                              for scale(): the migration input */
#define PLANOMSORG_COMPONENT_AGED 3      /**< P[y] aged one year: P[y][x-1] (0 at age 0; the
                                              open band is P[y][A-1] + P[y][A]) */
#define PLANOMSORG_COMPONENT_DEATHS_START_AGE 4 /**< deaths P[y][a]·q[y][a] by age a on 1 Jan y
                                              (infant deaths of the year's births excluded) */
#define PLANOMSORG_N_COMPONENTS 5        /**< number of component codes */
/** @} */

/** @name Projection alternatives
 *  Named bundles of levers for planomsorg_demography_default(), in the spirit
 *  of SSB's MMMM / LLML / HHMH. Each applies to fertility, life expectancy and
 *  migration as documented in docs/methods/demography.md:
 *  - fertility: the mean age schedule of the last 3 years, times 0.85 / 1 / 1.15;
 *  - life expectancy: the fitted annual decline of m by age, times 0.5 / 1 / 1.5;
 *  - migration: the mean net-migration residual of the last 5 years, times 0.5 / 1 / 1.5.
 *  @{ */
#define PLANOMSORG_ALTERNATIVE_MAIN 0 /**< main: all levers at their central values */
#define PLANOMSORG_ALTERNATIVE_LOW 1  /**< low: low fertility, life expectancy and migration */
#define PLANOMSORG_ALTERNATIVE_HIGH 2 /**< high: high fertility, life expectancy and migration */
#define PLANOMSORG_N_ALTERNATIVES 3   /**< number of alternative codes */
/** @} */

/** Last year held by the default demography handles. */
#define PLANOMSORG_DEMOGRAPHY_DEFAULT_LAST_YEAR 2100
/** Earliest as-of year accepted by planomsorg_demography_default(). */
#define PLANOMSORG_DEMOGRAPHY_FIRST_AS_OF 2004
/** Latest as-of year accepted by planomsorg_demography_default(). */
#define PLANOMSORG_DEMOGRAPHY_LAST_AS_OF 2025
/** Sex ratio at birth (boys per girl) of a new handle. */
#define PLANOMSORG_DEFAULT_SEX_RATIO 1.055

/* ------------------------------------------------------------------------- */
/* Handle                                                                     */
/* ------------------------------------------------------------------------- */

/**
 * @brief Create a demography with no mortality set, zero fertility and
 *        migration, and the sex ratio #PLANOMSORG_DEFAULT_SEX_RATIO.
 *
 * Mortality must be set for every year and sex before a projection uses it.
 * @param[out] out        Receives the handle (caller frees with planomsorg_demography_free()).
 * @param[in]  first_year First year held (1800..2300).
 * @param[in]  n_years    Number of years held (1..500).
 * @param[in]  max_age    Open last age band (1..#PLANOMSORG_MAX_AGE_LIMIT).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_new(planomsorg_demography **out, int first_year,
                                                int n_years, int max_age);

/**
 * @brief Free a demography. Accepts NULL.
 * @param[in] demo The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_demography_free(planomsorg_demography *demo);

/**
 * @brief Deep copy of a demography.
 * @param[out] out  Receives the copy (caller frees).
 * @param[in]  demo The demography to copy.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_copy(planomsorg_demography **out,
                                                 const planomsorg_demography *demo);

/**
 * @brief First year held.
 * @param[in] demo The demography.
 * @return The year; 0 when @p demo is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_first_year(const planomsorg_demography *demo);

/**
 * @brief Number of years held.
 * @param[in] demo The demography.
 * @return The number of years; 0 when @p demo is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_n_years(const planomsorg_demography *demo);

/**
 * @brief The open last age band.
 * @param[in] demo The demography.
 * @return max_age; 0 when @p demo is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_max_age(const planomsorg_demography *demo);

/* ------------------------------------------------------------------------- */
/* Setters (each checks all values first; on failure nothing changes)         */
/* ------------------------------------------------------------------------- */

/**
 * @brief Set the mortality of one year and sex at all ages.
 *
 * Probabilities are converted to rates with m = q / (1 - (1 - a)·q) (a as in
 * the file description; at age 0 a0 is solved by fixed-point iteration).
 * @param[in,out] demo   The demography.
 * @param[in]     year   A year held.
 * @param[in]     sex    #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @param[in]     kind   #PLANOMSORG_MORTALITY_RATE or #PLANOMSORG_MORTALITY_PROBABILITY.
 * @param[in]     values Array of @p n values by age 0..max_age: finite rates >= 0
 *                       (at most 10), or probabilities in [0, 1] (q at ages below the
 *                       open band < 1; the open band's q in (0, 1]).
 * @param[in]     n      Must equal max_age + 1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL (NULL, bad sex or kind), #PLANOMSORG_ERANGE
 *         (year not held), #PLANOMSORG_EDIMENSION (@p n) or #PLANOMSORG_EVALUE (NaN,
 *         infinite, negative, a probability outside [0, 1]).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_set_mortality(planomsorg_demography *demo, int year,
                                                          int sex, int kind,
                                                          const double *values, size_t n);

/**
 * @brief Set the fertility rates of one year by mother's age.
 * @param[in,out] demo The demography.
 * @param[in]     year A year held.
 * @param[in]     asfr Array of @p n births per woman per year at ages 0..max_age
 *                     (finite, in [0, 1]; age 0 must be 0).
 * @param[in]     n    Must equal max_age + 1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION
 *         or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_set_fertility(planomsorg_demography *demo, int year,
                                                          const double *asfr, size_t n);

/**
 * @brief Set the sex ratio at birth of one year.
 * @param[in,out] demo          The demography.
 * @param[in]     year          A year held.
 * @param[in]     boys_per_girl Finite, in [0.5, 2].
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_set_sex_ratio(planomsorg_demography *demo, int year,
                                                          double boys_per_girl);

/**
 * @brief Set the net migration of one year and sex at all ages.
 *
 * Age x is the age reached on 1 January of year + 1 (see the file description).
 * Both sexes of a year share one kind: setting one sex with another kind sets
 * the other sex's values to 0 of the new kind.
 * @param[in,out] demo   The demography.
 * @param[in]     year   A year held.
 * @param[in]     sex    #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @param[in]     kind   #PLANOMSORG_MIGRATION_COUNTS or #PLANOMSORG_MIGRATION_RATES.
 * @param[in]     values Array of @p n finite values by age 0..max_age (rates >= -1).
 * @param[in]     n      Must equal max_age + 1.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION
 *         or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_set_migration(planomsorg_demography *demo, int year,
                                                          int sex, int kind,
                                                          const double *values, size_t n);

/* ------------------------------------------------------------------------- */
/* Levers                                                                     */
/* ------------------------------------------------------------------------- */

/**
 * @brief Mortality improvement: m[y][s][a] = m[base_year][s][a]·(1 - r[s][a])^(y - base_year)
 *        for every held year y > base_year.
 * @param[in,out] demo      The demography; mortality of @p base_year must be set.
 * @param[in]     base_year A year held.
 * @param[in]     decline   Annual rates of decline r, layout sex-major
 *                          (index = sex * (max_age + 1) + age), finite, in (-1, 1).
 * @param[in]     n         Must equal 2 * (max_age + 1).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EDIMENSION,
 *         #PLANOMSORG_EVALUE or #PLANOMSORG_EMISSING (base year's mortality not set).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_improve_mortality(planomsorg_demography *demo,
                                                              int base_year,
                                                              const double *decline, size_t n);

/**
 * @brief Scale the death rates of one year and sex by a common factor so that
 *        life expectancy at birth equals @p e0 (bisection on the log factor,
 *        factor in [1e-4, 1e4], tolerance 1e-9 years).
 *
 * Apply year by year to make life expectancy follow a given path.
 * @param[in,out] demo The demography; the year's mortality must be set.
 * @param[in]     year A year held.
 * @param[in]     sex  #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @param[in]     e0   Target life expectancy at birth, finite, in (1, 120).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EVALUE,
 *         #PLANOMSORG_EMISSING or #PLANOMSORG_ECONVERGE (target not reachable).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_scale_to_e0(planomsorg_demography *demo, int year,
                                                        int sex, double e0);

/**
 * @brief Multiply one component's input of the years from_year..to_year by a factor.
 * @param[in,out] demo      The demography.
 * @param[in]     component #PLANOMSORG_COMPONENT_DEATHS (rates m, both sexes),
 *                          #PLANOMSORG_COMPONENT_BIRTHS (fertility rates) or
 *                          #PLANOMSORG_COMPONENT_MIGRATION (counts or rates).
 * @param[in]     from_year First year, held.
 * @param[in]     to_year   Last year, held, >= from_year.
 * @param[in]     factor    Finite, >= 0.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE
 *         (also when scaled fertility would exceed 1 or migration rates fall below -1).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_scale(planomsorg_demography *demo, int component,
                                                  int from_year, int to_year, double factor);

/* ------------------------------------------------------------------------- */
/* Getters and life tables                                                    */
/* ------------------------------------------------------------------------- */

/**
 * @brief Central death rate m of one year, sex and age.
 * @param[in]  demo The demography.
 * @param[in]  year A year held.
 * @param[in]  sex  #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @param[in]  age  0..max_age.
 * @param[out] m    Receives the rate.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EMISSING.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_death_rate(const planomsorg_demography *demo,
                                                       int year, int sex, int age, double *m);

/**
 * @brief One-year death probability q[y][age] of the persons aged @p age on
 *        1 January, as used by the projection (Lexis parallelogram, see the file
 *        description; not the life table's q).
 * @param[in]  demo The demography.
 * @param[in]  year A year held.
 * @param[in]  sex  #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @param[in]  age  0..max_age.
 * @param[out] q    Receives the probability.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EMISSING.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_death_probability(const planomsorg_demography *demo,
                                                              int year, int sex, int age,
                                                              double *q);

/**
 * @brief Period life expectancy e(age) of one year and sex.
 * @param[in]  demo The demography.
 * @param[in]  year A year held.
 * @param[in]  sex  #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @param[in]  age  0..max_age (e0 at 0, e65 at 65).
 * @param[out] e    Receives the years of life remaining.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE, #PLANOMSORG_EMISSING
 *         or #PLANOMSORG_ENUMERIC (m of the open band is 0).
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_life_expectancy(const planomsorg_demography *demo,
                                                            int year, int sex, int age,
                                                            double *e);

/**
 * @brief Fertility rate of one year at a mother's age.
 * @param[in]  demo The demography.
 * @param[in]  year A year held.
 * @param[in]  age  0..max_age.
 * @param[out] f    Receives births per woman per year.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_fertility(const planomsorg_demography *demo,
                                                      int year, int age, double *f);

/**
 * @brief Total fertility rate of one year: the sum of the fertility rates.
 * @param[in]  demo The demography.
 * @param[in]  year A year held.
 * @param[out] tfr  Receives the sum.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_tfr(const planomsorg_demography *demo, int year,
                                                double *tfr);

/**
 * @brief Sex ratio at birth of one year.
 * @param[in]  demo          The demography.
 * @param[in]  year          A year held.
 * @param[out] boys_per_girl Receives the ratio.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_sex_ratio(const planomsorg_demography *demo,
                                                      int year, double *boys_per_girl);

/**
 * @brief Net migration input of one year, sex and age.
 * @param[in]  demo  The demography.
 * @param[in]  year  A year held.
 * @param[in]  sex   #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @param[in]  age   0..max_age (age reached on 1 January of year + 1).
 * @param[out] value Receives the count or rate.
 * @param[out] kind  Receives #PLANOMSORG_MIGRATION_COUNTS or #PLANOMSORG_MIGRATION_RATES
 *                   (may be NULL).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_migration(const planomsorg_demography *demo,
                                                      int year, int sex, int age,
                                                      double *value, int *kind);

/**
 * @brief Life table from an array of death rates (no handle needed).
 *
 * Conventions as in the file description: a = 0.5 except the Andreev-Kingkade
 * a0 at age 0 (by sex and m0); the open band max_age has q = 1 and e = 1/m.
 * @param[out] q       Array of max_age + 1 death probabilities of the life table
 *                     (q[max_age] = 1), or NULL.
 * @param[out] e       Array of max_age + 1 life expectancies, or NULL.
 * @param[in]  m       Array of max_age + 1 finite rates >= 0; m[max_age] > 0.
 * @param[in]  max_age Open last age band (1..#PLANOMSORG_MAX_AGE_LIMIT).
 * @param[in]  sex     #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE (selects a0).
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_life_table(double *q, double *e, const double *m, int max_age,
                                            int sex);

/**
 * @brief The infant a0 (average fraction of the first year lived by those who
 *        die in it) of Andreev and Kingkade (2015), as used by HMD.
 * @param[out] a0  Receives a0.
 * @param[in]  m0  Infant death rate, finite, in [0, 1].
 * @param[in]  sex #PLANOMSORG_SEX_FEMALE or #PLANOMSORG_SEX_MALE.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EVALUE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_infant_a0(double *a0, double m0, int sex);

/* ------------------------------------------------------------------------- */
/* Defaults from real data and alternatives                                   */
/* ------------------------------------------------------------------------- */

/**
 * @brief Default demography derived from the embedded data, using only data up
 *        to and including @p as_of_year (for honest backtests).
 *
 * Holds the years as_of_year + 1 .. #PLANOMSORG_DEMOGRAPHY_DEFAULT_LAST_YEAR,
 * ages 0..105. Norway: HMD death rates, HFD fertility, net migration counts from
 * population residuals. A municipality: national mortality and fertility, and
 * net-migration rates by sex and five-year age group from the municipality's own
 * 2024-2026 populations (so @p as_of_year >= 2024; 2024 uses one year of residuals,
 * 2025 two). Methods and windows: docs/methods/demography.md.
 * Base population for the projection: planomsorg_data_population() of 1 January
 * as_of_year + 1.
 * @param[out] out         Receives the handle (caller frees).
 * @param[in]  region      A municipality number ("5001"), or NULL / "0000" for Norway.
 * @param[in]  as_of_year  #PLANOMSORG_DEMOGRAPHY_FIRST_AS_OF .. #PLANOMSORG_DEMOGRAPHY_LAST_AS_OF
 *                         (municipalities: 2024..#PLANOMSORG_DEMOGRAPHY_LAST_AS_OF).
 * @param[in]  alternative A PLANOMSORG_ALTERNATIVE_* code.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE (as-of year),
 *         #PLANOMSORG_ENOTFOUND (unknown municipality) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_default(planomsorg_demography **out,
                                                    const char *region, int as_of_year,
                                                    int alternative);

/**
 * @brief As planomsorg_demography_default(), with one alternative per lever
 *        (as SSB's four-letter codes: fertility, life expectancy, migration).
 * @param[out] out             Receives the handle (caller frees).
 * @param[in]  region          A municipality number, or NULL / "0000" for Norway.
 * @param[in]  as_of_year      As for planomsorg_demography_default().
 * @param[in]  fertility       A PLANOMSORG_ALTERNATIVE_* code for fertility.
 * @param[in]  life_expectancy A PLANOMSORG_ALTERNATIVE_* code for life expectancy
 *                             (HIGH = faster mortality decline).
 * @param[in]  migration       A PLANOMSORG_ALTERNATIVE_* code for net migration.
 * @return As planomsorg_demography_default().
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_demography_default_levers(planomsorg_demography **out,
                                                           const char *region, int as_of_year,
                                                           int fertility, int life_expectancy,
                                                           int migration);

/**
 * @brief Name of an alternative: "main", "low" or "high".
 * @param[in] alternative A PLANOMSORG_ALTERNATIVE_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_alternative_name(int alternative);

/**
 * @brief Name of a mortality input kind: "rate" or "probability".
 * @param[in] kind #PLANOMSORG_MORTALITY_RATE or #PLANOMSORG_MORTALITY_PROBABILITY.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_mortality_kind_name(int kind);

/**
 * @brief Name of a migration input kind: "counts" or "rates".
 * @param[in] kind #PLANOMSORG_MIGRATION_COUNTS or #PLANOMSORG_MIGRATION_RATES.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_migration_kind_name(int kind);

/**
 * @brief The year limits of the default demography (the values of
 *        #PLANOMSORG_DEMOGRAPHY_FIRST_AS_OF, #PLANOMSORG_DEMOGRAPHY_LAST_AS_OF and
 *        #PLANOMSORG_DEMOGRAPHY_DEFAULT_LAST_YEAR in this library).
 * @param[out] first_as_of Receives the earliest as-of year, or NULL.
 * @param[out] last_as_of  Receives the latest as-of year, or NULL.
 * @param[out] last_year   Receives the last year held by default handles, or NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_demography_default_years(int *first_as_of, int *last_as_of,
                                                           int *last_year);

/**
 * @brief The sex ratio at birth of a new handle (#PLANOMSORG_DEFAULT_SEX_RATIO).
 * @return Boys per girl.
 * @since 1.0
 */
PLANOMSORG_EXPORT double planomsorg_default_sex_ratio(void);

/**
 * @brief Name of a component: "deaths", "births", "migration", "aged", "deaths_start_age".
 * @param[in] component A PLANOMSORG_COMPONENT_* code.
 * @return A static string, or NULL for an unknown code.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_component_name(int component);

/**
 * @brief Citation of the sources of the default demography (HMD, HFD, SSB).
 * @return A static UTF-8 string.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_demography_sources(void);

/* ------------------------------------------------------------------------- */
/* Projection                                                                 */
/* ------------------------------------------------------------------------- */

/**
 * @brief Cohort-component projection (see the file description).
 * @param[out] out        Receives the population of the years base_year..last_year
 *                        (caller frees); the base year is copied from @p base.
 * @param[out] components Receives the components of the years base_year..last_year-1
 *                        (caller frees), or NULL when not wanted.
 * @param[in]  base       Population holding @p base_year.
 * @param[in]  base_year  Year of the starting population (1 January).
 * @param[in]  last_year  Last year projected, >= base_year.
 * @param[in]  demo       Demography holding base_year..last_year-1 with mortality set;
 *                        same max_age as @p base.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL, #PLANOMSORG_ERANGE (years not held),
 *         #PLANOMSORG_EDIMENSION (max_age differs), #PLANOMSORG_EMISSING (mortality of a
 *         year not set) or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_project(planomsorg_population **out,
                                                    planomsorg_components **components,
                                                    const planomsorg_population *base,
                                                    int base_year, int last_year,
                                                    const planomsorg_demography *demo);

/* ------------------------------------------------------------------------- */
/* Components                                                                 */
/* ------------------------------------------------------------------------- */

/**
 * @brief Free a components handle. Accepts NULL.
 * @param[in] comp The handle.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_components_free(planomsorg_components *comp);

/**
 * @brief First year of flows held (the base year of the projection).
 * @param[in] comp The components.
 * @return The year; 0 when @p comp is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_components_first_year(const planomsorg_components *comp);

/**
 * @brief Number of years of flows held (last_year - base_year).
 * @param[in] comp The components.
 * @return The number; 0 when @p comp is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_components_n_years(const planomsorg_components *comp);

/**
 * @brief The open last age band.
 * @param[in] comp The components.
 * @return max_age; 0 when @p comp is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_components_max_age(const planomsorg_components *comp);

/**
 * @brief One component of the flow during year (1 Jan year → 1 Jan year+1).
 * @param[in]  comp      The components.
 * @param[in]  component A PLANOMSORG_COMPONENT_* code.
 * @param[in]  year      A year of flows held.
 * @param[in]  sex       #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or #PLANOMSORG_SEX_BOTH.
 * @param[in]  age       0..max_age (meaning per component code).
 * @param[out] value     Receives the persons.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_components_get(const planomsorg_components *comp,
                                                int component, int year, int sex, int age,
                                                double *value);

/**
 * @brief Sum of one component over an age band.
 * @param[in]  comp      The components.
 * @param[in]  component A PLANOMSORG_COMPONENT_* code.
 * @param[in]  year      A year of flows held.
 * @param[in]  sex       #PLANOMSORG_SEX_FEMALE, #PLANOMSORG_SEX_MALE or #PLANOMSORG_SEX_BOTH.
 * @param[in]  age_lo    Lowest age.
 * @param[in]  age_hi    Highest age (inclusive) or #PLANOMSORG_AGE_OPEN.
 * @param[out] value     Receives the sum.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ERANGE.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_components_sum(const planomsorg_components *comp,
                                                int component, int year, int sex, int age_lo,
                                                int age_hi, double *value);

/**
 * @brief Number of cells of one component's flat layout: n_years * 2 * (max_age + 1).
 * @param[in] comp The components.
 * @return The number; 0 when @p comp is NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT size_t planomsorg_components_size(const planomsorg_components *comp);

/**
 * @brief Copy one component into a flat array (layout in the file description).
 * @param[in]  comp      The components.
 * @param[in]  component A PLANOMSORG_COMPONENT_* code.
 * @param[out] out       Array of @p n doubles.
 * @param[in]  n         Must equal planomsorg_components_size().
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EDIMENSION.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_components_export(const planomsorg_components *comp,
                                                   int component, double *out, size_t n);

/**
 * @brief What the projection clamped: net emigration larger than survivors.
 * @param[in]  comp    The components.
 * @param[out] persons Receives the emigrants not applied (>= 0), or NULL.
 * @param[out] cells   Receives the number of (year, sex, age) cells clamped, or NULL.
 * @return #PLANOMSORG_OK or #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_components_clamped(const planomsorg_components *comp,
                                                    double *persons, long *cells);

#ifdef __cplusplus
}
#endif

#endif
