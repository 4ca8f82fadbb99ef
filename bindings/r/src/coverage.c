/* coverage.h */
#include "rpl.h"


/* Vectorised over count and year (same length, recycled in R). */
SEXP C_coverage_rate(SEXP count, SEXP pop, SEXP year, SEXP age_lo, SEXP age_hi)
{
    const planomsorg_population *p = rpl_population(pop);
    int lo = rpl_int(age_lo, "age_lo"), hi = rpl_int(age_hi, "age_hi");
    R_xlen_t n = XLENGTH(count);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_coverage_rate(&REAL(out)[i], REAL(count)[i], p, INTEGER(year)[i],
                                           lo, hi));
    UNPROTECT(1);
    return out;
}

SEXP C_coverage_required(SEXP target, SEXP pop, SEXP year, SEXP age_lo, SEXP age_hi)
{
    const planomsorg_population *p = rpl_population(pop);
    int lo = rpl_int(age_lo, "age_lo"), hi = rpl_int(age_hi, "age_hi");
    R_xlen_t n = XLENGTH(target);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_coverage_required(&REAL(out)[i], REAL(target)[i], p,
                                               INTEGER(year)[i], lo, hi));
    UNPROTECT(1);
    return out;
}

SEXP C_coverage_path(SEXP capacity, SEXP pop, SEXP first_year, SEXP age_lo, SEXP age_hi)
{
    const planomsorg_population *p = rpl_population(pop);
    R_xlen_t n = XLENGTH(capacity);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    RPL_CHECK(planomsorg_coverage_path(REAL(out), rpl_dvec(capacity, -1, "capacity"), (size_t)n, p,
                                       rpl_int(first_year, "first_year"), rpl_int(age_lo, "age_lo"),
                                       rpl_int(age_hi, "age_hi")));
    UNPROTECT(1);
    return out;
}

SEXP C_coverage_first_below(SEXP path, SEXP first_year, SEXP target)
{
    int year = 0;
    RPL_CHECK(planomsorg_coverage_first_below(&year, rpl_dvec(path, -1, "path"),
                                              (size_t)XLENGTH(path),
                                              rpl_int(first_year, "first_year"),
                                              rpl_dbl(target, "target")));
    return Rf_ScalarInteger(year == PLANOMSORG_NO_YEAR ? NA_INTEGER : year);
}

SEXP C_coverage_places_to_add(SEXP current, SEXP target, SEXP n_years, SEXP pop,
                              SEXP first_year, SEXP age_lo, SEXP age_hi)
{
    const planomsorg_population *p = rpl_population(pop);
    int n = rpl_int(n_years, "n_years");
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n > 0 ? n : 0));
    RPL_CHECK(planomsorg_coverage_places_to_add(REAL(out), rpl_dbl(current, "current_places"),
                                                rpl_dbl(target, "target"), (size_t)(n > 0 ? n : 0),
                                                p, rpl_int(first_year, "first_year"),
                                                rpl_int(age_lo, "age_lo"),
                                                rpl_int(age_hi, "age_hi")));
    UNPROTECT(1);
    return out;
}

SEXP C_standardise_direct(SEXP rates, SEXP weights)
{
    double out = 0;
    R_xlen_t n = XLENGTH(rates);
    RPL_CHECK(planomsorg_standardise_direct(&out, rpl_dvec(rates, -1, "rates"),
                                            rpl_dvec(weights, n, "weights"), (size_t)n));
    return Rf_ScalarReal(out);
}

SEXP C_coverage_standardised(SEXP users, SEXP population, SEXP age_lo, SEXP age_hi,
                             SEXP standard, SEXP standard_year)
{
    double out = 0;
    R_xlen_t n = XLENGTH(users);
    if (!Rf_isInteger(age_lo) || !Rf_isInteger(age_hi) || XLENGTH(age_lo) != n ||
        XLENGTH(age_hi) != n)
        Rf_error("'age_lo' and 'age_hi' must be integer vectors as long as 'users'");
    RPL_CHECK(planomsorg_coverage_standardised(&out, rpl_dvec(users, -1, "users"),
                                               rpl_dvec(population, n, "population"),
                                               INTEGER(age_lo), INTEGER(age_hi), (size_t)n,
                                               rpl_population(standard),
                                               rpl_int(standard_year, "standard_year")));
    return Rf_ScalarReal(out);
}
