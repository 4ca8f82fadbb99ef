/* data.h */
#include "rpl.h"


SEXP C_data_population(SEXP region)
{
    planomsorg_population *p = NULL;
    RPL_CHECK(planomsorg_data_population(&p, rpl_str(region, "region")));
    return rpl_wrap_population(p);
}

SEXP C_data_municipalities(void)
{
    int n = planomsorg_data_n_municipalities();
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
    SEXP code = PROTECT(Rf_allocVector(STRSXP, n));
    SEXP name = PROTECT(Rf_allocVector(STRSXP, n));
    for (int i = 0; i < n; i++) {
        const char *c = planomsorg_data_municipality_code(i);
        SET_STRING_ELT(code, i, Rf_mkCharCE(c, CE_UTF8));
        SET_STRING_ELT(name, i, Rf_mkCharCE(planomsorg_data_region_name(c), CE_UTF8));
    }
    SET_VECTOR_ELT(out, 0, code);
    SET_VECTOR_ELT(out, 1, name);
    UNPROTECT(3);
    return out;
}

SEXP C_data_region_name(SEXP region)
{
    const char *s = planomsorg_data_region_name(rpl_str(region, "region"));
    return s ? Rf_ScalarString(Rf_mkCharCE(s, CE_UTF8)) : Rf_ScalarString(NA_STRING);
}

/* Vectorised over indicator codes; a suppressed cell (EMISSING) is NA. */
SEXP C_data_kostra(SEXP region, SEXP year, SEXP indicator)
{
    const char *r = rpl_str(region, "region");
    int y = rpl_int(year, "year");
    R_xlen_t n = XLENGTH(indicator);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        int rc = planomsorg_data_kostra(&REAL(out)[i], r, y, INTEGER(indicator)[i]);
        if (rc == PLANOMSORG_EMISSING)
            REAL(out)[i] = NA_REAL;
        else if (rc != PLANOMSORG_OK)
            rpl_raise(rc);
    }
    UNPROTECT(1);
    return out;
}

SEXP C_kostra_names(void)
{
    SEXP out = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_KOSTRA));
    for (int i = 0; i < PLANOMSORG_N_KOSTRA; i++)
        SET_STRING_ELT(out, i, Rf_mkChar(planomsorg_kostra_name(i)));
    UNPROTECT(1);
    return out;
}

SEXP C_data_sources(void)
{
    return Rf_ScalarString(Rf_mkCharCE(planomsorg_data_sources(), CE_UTF8));
}
