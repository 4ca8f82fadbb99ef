/* Internal: the default demography computed from a set of tables, so that tests
 * can check that nothing after the as-of year is used (honest backtests). */
#ifndef PL_DEMOGRAPHY_DEFAULT_H
#define PL_DEMOGRAPHY_DEFAULT_H

#include "demography_embedded.h"
#include "demography_internal.h"

typedef struct {
    const double *mortality;      /* as pl_demo_mortality */
    const double *births;         /* as pl_demo_births */
    const double *fertility;      /* as pl_demo_fertility */
    const double *migration;      /* as pl_demo_migration */
    const double *muni_residual;  /* as pl_demo_muni_residual */
    const double *muni_survivors; /* as pl_demo_muni_survivors */
} pl_demo_tables;

/* The embedded tables. */
const pl_demo_tables *pl_demo_tables_embedded(void);

/* planomsorg_demography_default_levers() on the given tables; `function` names the
 * caller in error messages. */
int pl_demography_default_tables(planomsorg_demography **out, const pl_demo_tables *t,
                                 const char *region, int as_of_year, int fertility,
                                 int life_expectancy, int migration, const char *function);

#endif
