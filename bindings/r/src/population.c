/* population.h, common.h, errors.h */
#include "rpl.h"

#define POP "planomsorg_population"

static void pop_fin(SEXP x)
{
    planomsorg_population_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}

SEXP rpl_wrap_population(planomsorg_population *p)
{
    return rpl_wrap(p, POP, pop_fin);
}

planomsorg_population *rpl_population(SEXP x)
{
    return rpl_unwrap(x, POP);
}

SEXP C_population_new(SEXP first_year, SEXP n_years, SEXP max_age)
{
    planomsorg_population *p = NULL;
    RPL_CHECK(planomsorg_population_new(&p, rpl_int(first_year, "first_year"),
                                        rpl_int(n_years, "n_years"), rpl_int(max_age, "max_age")));
    return rpl_wrap_population(p);
}

SEXP C_population_copy(SEXP pop)
{
    planomsorg_population *p = NULL;
    RPL_CHECK(planomsorg_population_copy(&p, rpl_population(pop)));
    return rpl_wrap_population(p);
}

SEXP C_population_slice(SEXP pop, SEXP first_year, SEXP n_years)
{
    planomsorg_population *p = NULL;
    RPL_CHECK(planomsorg_population_slice(&p, rpl_population(pop), rpl_int(first_year, "first_year"),
                                          rpl_int(n_years, "n_years")));
    return rpl_wrap_population(p);
}

SEXP C_population_free(SEXP pop)
{
    if (TYPEOF(pop) == EXTPTRSXP) {
        rpl_population(pop);
        pop_fin(pop);
    }
    return R_NilValue;
}

SEXP C_population_dims(SEXP pop)
{
    const planomsorg_population *p = rpl_population(pop);
    SEXP out = PROTECT(Rf_allocVector(INTSXP, 3));
    INTEGER(out)[0] = planomsorg_population_first_year(p);
    INTEGER(out)[1] = planomsorg_population_n_years(p);
    INTEGER(out)[2] = planomsorg_population_max_age(p);
    UNPROTECT(1);
    return out;
}

/* The flat layout (year, sex, age; age fastest) is R's column-major
 * array [age, sex, year]: no reordering is needed. */
SEXP C_population_export(SEXP pop)
{
    const planomsorg_population *p = rpl_population(pop);
    size_t n = planomsorg_population_size(p);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    RPL_CHECK(planomsorg_population_export(p, REAL(out), n));
    SEXP dim = PROTECT(Rf_allocVector(INTSXP, 3));
    INTEGER(dim)[0] = planomsorg_population_max_age(p) + 1;
    INTEGER(dim)[1] = PLANOMSORG_N_SEXES;
    INTEGER(dim)[2] = planomsorg_population_n_years(p);
    Rf_setAttrib(out, R_DimSymbol, dim);
    UNPROTECT(2);
    return out;
}

SEXP C_population_import(SEXP pop, SEXP data)
{
    planomsorg_population *p = rpl_population(pop);
    RPL_CHECK(planomsorg_population_import(p, rpl_dvec(data, -1, "x"), (size_t)XLENGTH(data)));
    return pop;
}

/* Vectorised accessors: all index vectors have the same length (recycled in R). */
SEXP C_population_get(SEXP pop, SEXP year, SEXP sex, SEXP age)
{
    const planomsorg_population *p = rpl_population(pop);
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_population_get(p, INTEGER(year)[i], INTEGER(sex)[i], INTEGER(age)[i],
                                            &REAL(out)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_population_set(SEXP pop, SEXP year, SEXP sex, SEXP age, SEXP persons)
{
    planomsorg_population *p = rpl_population(pop);
    R_xlen_t n = XLENGTH(year);
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_population_set(p, INTEGER(year)[i], INTEGER(sex)[i], INTEGER(age)[i],
                                            REAL(persons)[i]));
    return pop;
}

SEXP C_population_sum(SEXP pop, SEXP year, SEXP sex, SEXP age_lo, SEXP age_hi)
{
    const planomsorg_population *p = rpl_population(pop);
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_population_sum(p, INTEGER(year)[i], INTEGER(sex)[i],
                                            INTEGER(age_lo)[i], INTEGER(age_hi)[i],
                                            &REAL(out)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_population_band(SEXP pop, SEXP year, SEXP sex, SEXP band)
{
    const planomsorg_population *p = rpl_population(pop);
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_population_band(p, INTEGER(year)[i], INTEGER(sex)[i],
                                             INTEGER(band)[i], &REAL(out)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_population_ratio(SEXP pop, SEXP year, SEXP ratio)
{
    const planomsorg_population *p = rpl_population(pop);
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_population_ratio(p, INTEGER(year)[i], INTEGER(ratio)[i],
                                              &REAL(out)[i]));
    UNPROTECT(1);
    return out;
}

/* Standard bands: data for a data frame (code, name, age_lo, age_hi). */
SEXP C_bands(void)
{
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 4));
    SEXP code = PROTECT(Rf_allocVector(INTSXP, PLANOMSORG_N_BANDS));
    SEXP name = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_BANDS));
    SEXP lo = PROTECT(Rf_allocVector(INTSXP, PLANOMSORG_N_BANDS));
    SEXP hi = PROTECT(Rf_allocVector(INTSXP, PLANOMSORG_N_BANDS));
    for (int b = 0; b < PLANOMSORG_N_BANDS; b++) {
        int a = 0, z = 0;
        RPL_CHECK(planomsorg_band_range(b, &a, &z));
        INTEGER(code)[b] = b;
        SET_STRING_ELT(name, b, Rf_mkChar(planomsorg_band_name(b)));
        INTEGER(lo)[b] = a;
        INTEGER(hi)[b] = z == PLANOMSORG_AGE_OPEN ? NA_INTEGER : z;
    }
    SET_VECTOR_ELT(out, 0, code);
    SET_VECTOR_ELT(out, 1, name);
    SET_VECTOR_ELT(out, 2, lo);
    SET_VECTOR_ELT(out, 3, hi);
    UNPROTECT(5);
    return out;
}

SEXP C_ratio_names(void)
{
    SEXP out = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_RATIOS));
    for (int r = 0; r < PLANOMSORG_N_RATIOS; r++)
        SET_STRING_ELT(out, r, Rf_mkChar(planomsorg_ratio_name(r)));
    UNPROTECT(1);
    return out;
}

SEXP C_sex_names(void)
{
    SEXP out = PROTECT(Rf_allocVector(STRSXP, 3));
    SET_STRING_ELT(out, 0, Rf_mkChar(planomsorg_sex_name(PLANOMSORG_SEX_FEMALE)));
    SET_STRING_ELT(out, 1, Rf_mkChar(planomsorg_sex_name(PLANOMSORG_SEX_MALE)));
    SET_STRING_ELT(out, 2, Rf_mkChar(planomsorg_sex_name(PLANOMSORG_SEX_BOTH)));
    UNPROTECT(1);
    return out;
}

SEXP C_version(void)
{
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 3));
    SET_VECTOR_ELT(out, 0, Rf_mkString(planomsorg_version_string()));
    SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(planomsorg_version_number()));
    SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(PLANOMSORG_VERSION_NUMBER));
    UNPROTECT(1);
    return out;
}

SEXP C_strerror(SEXP code)
{
    return Rf_mkString(planomsorg_strerror(rpl_int(code, "code")));
}
