/* The embedded demography tables (HMD, HFD, SSB), generated at build time by
 * tools/embed_demography.py from data/demography_*.csv (see data/README-demography.md).
 * Layouts: sex women first; ages 0..PL_DEMO_MAX_AGE (open). */
#ifndef PL_DEMOGRAPHY_EMBEDDED_H
#define PL_DEMOGRAPHY_EMBEDDED_H

#define PL_DEMO_MAX_AGE 105
#define PL_DEMO_NA (PL_DEMO_MAX_AGE + 1)

/* Central death rates, Norway, [year][sex][age]. */
#define PL_DEMO_MORT_FIRST 1990
#define PL_DEMO_MORT_N 34
extern const double pl_demo_mortality[PL_DEMO_MORT_N * 2 * PL_DEMO_NA];

/* Live births, Norway, [year][sex], the years of the mortality table. */
extern const double pl_demo_births[PL_DEMO_MORT_N * 2];

/* Fertility rates by mother's age PL_DEMO_FERT_AGE_LO..HI, [year][age - LO]. */
#define PL_DEMO_FERT_FIRST 1990
#define PL_DEMO_FERT_N 33
#define PL_DEMO_FERT_AGE_LO 12
#define PL_DEMO_FERT_AGE_HI 55
#define PL_DEMO_FERT_NA (PL_DEMO_FERT_AGE_HI - PL_DEMO_FERT_AGE_LO + 1)
extern const double pl_demo_fertility[PL_DEMO_FERT_N * PL_DEMO_FERT_NA];

/* Net-migration residuals, Norway, [year][sex][age reached on 1 January year+1]. */
#define PL_DEMO_MIG_FIRST 1990
#define PL_DEMO_MIG_N 36
extern const double pl_demo_migration[PL_DEMO_MIG_N * 2 * PL_DEMO_NA];

/* Municipal residuals and survivors by five-year group (0-4 .. 85-89, 90+),
 * [municipality][year][sex][group]; municipalities in ascending code order. */
#define PL_DEMO_MUNI_N 357
#define PL_DEMO_MUNI_FIRST 2024
#define PL_DEMO_MUNI_YEARS 2
#define PL_DEMO_N_GROUPS 19
extern const char pl_demo_muni_codes[PL_DEMO_MUNI_N][5];
extern const double pl_demo_muni_residual[PL_DEMO_MUNI_N * PL_DEMO_MUNI_YEARS * 2 * PL_DEMO_N_GROUPS];
extern const double pl_demo_muni_survivors[PL_DEMO_MUNI_N * PL_DEMO_MUNI_YEARS * 2 * PL_DEMO_N_GROUPS];

#endif
