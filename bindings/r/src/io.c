/* io.h */
#include "rpl.h"


SEXP C_population_read_csv(SEXP path)
{
    planomsorg_population *p = NULL;
    RPL_CHECK(planomsorg_population_read_csv(&p, rpl_str(path, "path")));
    return rpl_wrap_population(p);
}

SEXP C_population_read_ssb(SEXP path, SEXP region)
{
    planomsorg_population *p = NULL;
    RPL_CHECK(planomsorg_population_read_ssb(&p, rpl_str(path, "path"), rpl_str(region, "region")));
    return rpl_wrap_population(p);
}

/* TEXT is a raw vector (the bytes, whatever their encoding). */
SEXP C_population_parse_csv(SEXP text, SEXP source)
{
    planomsorg_population *p = NULL;
    if (TYPEOF(text) != RAWSXP)
        Rf_error("'text' must be a raw vector");
    RPL_CHECK(planomsorg_population_parse_csv(&p, (const char *)RAW(text), (size_t)XLENGTH(text),
                                              rpl_str(source, "source")));
    return rpl_wrap_population(p);
}

SEXP C_population_parse_ssb(SEXP text, SEXP source, SEXP region)
{
    planomsorg_population *p = NULL;
    if (TYPEOF(text) != RAWSXP)
        Rf_error("'text' must be a raw vector");
    RPL_CHECK(planomsorg_population_parse_ssb(&p, (const char *)RAW(text), (size_t)XLENGTH(text),
                                              rpl_str(source, "source"),
                                              rpl_str(region, "region")));
    return rpl_wrap_population(p);
}

SEXP C_population_write_csv(SEXP pop, SEXP path)
{
    RPL_CHECK(planomsorg_population_write_csv(rpl_population(pop), rpl_str(path, "path")));
    return R_NilValue;
}

SEXP C_population_format_csv(SEXP pop)
{
    char *text = NULL;
    size_t len = 0;
    RPL_CHECK(planomsorg_population_format_csv(rpl_population(pop), &text, &len));
    SEXP out = PROTECT(Rf_allocVector(STRSXP, 1));
    SET_STRING_ELT(out, 0, Rf_mkCharLenCE(text, (int)len, CE_UTF8));
    planomsorg_free(text);
    UNPROTECT(1);
    return out;
}
