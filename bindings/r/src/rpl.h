/* Shared helpers of the R glue: errors as R conditions, handles as external
 * pointers with finalizers, argument conversion. No model logic here. */
#ifndef RPL_H
#define RPL_H

#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>
#include <planomsorg.h>

/* Raises the library's last error as an R condition (class per status code).
 * Never returns: free C resources before calling it. */
void rpl_raise(int code);

#define RPL_CHECK(expr)                                                                  \
    do {                                                                                 \
        int rpl_rc_ = (expr);                                                            \
        if (rpl_rc_ != PLANOMSORG_OK)                                                    \
            rpl_raise(rpl_rc_);                                                          \
    } while (0)

/* External pointer of class CLS holding PTR, freed by FIN when collected. */
SEXP rpl_wrap(void *ptr, const char *cls, R_CFinalizer_t fin);
/* The pointer held by X, which must be of class CLS and not yet released. */
void *rpl_unwrap(SEXP x, const char *cls);

int rpl_int(SEXP x, const char *what);
double rpl_dbl(SEXP x, const char *what);
/* A string argument, or NULL for R's NULL / NA. */
const char *rpl_str(SEXP x, const char *what);
/* A double vector argument of exactly N elements (N < 0: any length). */
const double *rpl_dvec(SEXP x, R_xlen_t n, const char *what);
SEXP rpl_string_or_na(const char *s);

/* Handles shared between modules (defined in the module that owns the type). */
SEXP rpl_wrap_population(planomsorg_population *p);
planomsorg_population *rpl_population(SEXP x);
planomsorg_demography *rpl_demography(SEXP x);
SEXP rpl_wrap_staircase(planomsorg_staircase *s);
planomsorg_staircase *rpl_staircase(SEXP x);
SEXP rpl_wrap_result(planomsorg_result *r);
const planomsorg_result *rpl_result(SEXP x);
SEXP rpl_wrap_services(planomsorg_services *s);
planomsorg_services *rpl_services(SEXP x);
SEXP rpl_wrap_transitions(planomsorg_transitions *t);
SEXP rpl_wrap_staffing(planomsorg_staffing *s);
planomsorg_staffing *rpl_staffing(SEXP x);
SEXP rpl_wrap_staffing_result(planomsorg_staffing_result *r);
SEXP rpl_wrap_costs(planomsorg_costs *c);
planomsorg_costs *rpl_costs(SEXP x);
SEXP rpl_wrap_costs_result(planomsorg_costs_result *r);

/* Prototypes of the .Call routines (registered in init.c). */
#include "routines.h"

#endif
