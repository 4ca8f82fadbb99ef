/* staircase.h, transitions.h, services.h and result.h. Level indices are
 * 0-based here; the R code converts from names or 1-based positions. */
#include "rpl.h"

#include <string.h>

#define SC "planomsorg_staircase"
#define TR "planomsorg_transitions"
#define SVC "planomsorg_services"
#define RES "planomsorg_result"


static void sc_fin(SEXP x)
{
    planomsorg_staircase_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}
static void tr_fin(SEXP x)
{
    planomsorg_transitions_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}
static void svc_fin(SEXP x)
{
    planomsorg_services_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}
static void res_fin(SEXP x)
{
    planomsorg_result_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}

SEXP rpl_wrap_staircase(planomsorg_staircase *s)
{
    return rpl_wrap(s, SC, sc_fin);
}
planomsorg_staircase *rpl_staircase(SEXP x)
{
    return rpl_unwrap(x, SC);
}
SEXP rpl_wrap_result(planomsorg_result *r)
{
    return rpl_wrap(r, RES, res_fin);
}
const planomsorg_result *rpl_result(SEXP x)
{
    return rpl_unwrap(x, RES);
}
planomsorg_services *rpl_services(SEXP x)
{
    return rpl_unwrap(x, SVC);
}
SEXP rpl_wrap_services(planomsorg_services *s)
{
    return rpl_wrap(s, SVC, svc_fin);
}
SEXP rpl_wrap_transitions(planomsorg_transitions *t)
{
    return rpl_wrap(t, TR, tr_fin);
}

static const int *ivec(SEXP x, const char *what)
{
    if (!Rf_isInteger(x))
        Rf_error("'%s' must be an integer vector", what);
    return INTEGER(x);
}

/* ---- staircase */

SEXP C_staircase_new(SEXP dflt)
{
    planomsorg_staircase *s = NULL;
    RPL_CHECK(Rf_asLogical(dflt) == TRUE ? planomsorg_staircase_new_default(&s)
                                         : planomsorg_staircase_new(&s));
    return rpl_wrap_staircase(s);
}

SEXP C_staircase_copy(SEXP sc)
{
    planomsorg_staircase *s = NULL;
    RPL_CHECK(planomsorg_staircase_copy(&s, rpl_staircase(sc)));
    return rpl_wrap_staircase(s);
}

SEXP C_staircase_add_level(SEXP sc, SEXP name, SEXP kind, SEXP flags)
{
    RPL_CHECK(planomsorg_staircase_add_level(rpl_staircase(sc), rpl_str(name, "name"),
                                             rpl_int(kind, "kind"),
                                             (unsigned)rpl_int(flags, "flags")));
    return sc;
}

/* list(name, kind, flags) over the levels. */
SEXP C_staircase_levels(SEXP sc)
{
    const planomsorg_staircase *s = rpl_staircase(sc);
    int n = planomsorg_staircase_n_levels(s);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 3));
    SEXP name = PROTECT(Rf_allocVector(STRSXP, n));
    SEXP kind = PROTECT(Rf_allocVector(INTSXP, n));
    SEXP flags = PROTECT(Rf_allocVector(INTSXP, n));
    for (int k = 0; k < n; k++) {
        unsigned f = 0;
        SET_STRING_ELT(name, k, Rf_mkCharCE(planomsorg_staircase_level_name(s, k), CE_UTF8));
        RPL_CHECK(planomsorg_staircase_level_kind(&INTEGER(kind)[k], s, k));
        RPL_CHECK(planomsorg_staircase_level_flags(&f, s, k));
        INTEGER(flags)[k] = (int)f;
    }
    SET_VECTOR_ELT(out, 0, name);
    SET_VECTOR_ELT(out, 1, kind);
    SET_VECTOR_ELT(out, 2, flags);
    UNPROTECT(4);
    return out;
}

SEXP C_staircase_find(SEXP sc, SEXP name)
{
    int k = 0;
    RPL_CHECK(planomsorg_staircase_find(&k, rpl_staircase(sc), rpl_str(name, "level")));
    return Rf_ScalarInteger(k);
}

SEXP C_staircase_levels_with_flags(SEXP sc, SEXP flags)
{
    int buf[PLANOMSORG_MAX_LEVELS];
    size_t n = 0;
    RPL_CHECK(planomsorg_staircase_levels_with_flags(buf, &n, PLANOMSORG_MAX_LEVELS,
                                                     rpl_staircase(sc),
                                                     (unsigned)rpl_int(flags, "flags")));
    SEXP out = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)n));
    for (size_t i = 0; i < n; i++)
        INTEGER(out)[i] = buf[i];
    UNPROTECT(1);
    return out;
}

/* Names of kinds, flag bits, modes and quantities, and the numeric limits. */
SEXP C_staircase_constants(void)
{
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 5));
    SEXP kinds = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_LEVEL_KINDS));
    for (int i = 0; i < PLANOMSORG_N_LEVEL_KINDS; i++)
        SET_STRING_ELT(kinds, i, Rf_mkChar(planomsorg_level_kind_name(i)));
    SEXP flags = PROTECT(Rf_allocVector(STRSXP, 2));
    SET_STRING_ELT(flags, 0, Rf_mkChar(planomsorg_level_flag_name(PLANOMSORG_LEVEL_FLAG_24H)));
    SET_STRING_ELT(flags, 1,
                   Rf_mkChar(planomsorg_level_flag_name(PLANOMSORG_LEVEL_FLAG_CAPACITY)));
    SEXP modes = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_MODES));
    for (int i = 0; i < PLANOMSORG_N_MODES; i++)
        SET_STRING_ELT(modes, i, Rf_mkChar(planomsorg_mode_name(i)));
    SEXP qty = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_QUANTITIES));
    for (int i = 0; i < PLANOMSORG_N_QUANTITIES; i++)
        SET_STRING_ELT(qty, i, Rf_mkChar(planomsorg_quantity_name(i)));
    int max_levels, name_max, all_levels, n_default, any_year, max_bands, n_kostra;
    unsigned flags_all;
    double tol;
    planomsorg_staircase_limits(&max_levels, &name_max, &all_levels, &flags_all, &n_default,
                                &any_year, &max_bands, &n_kostra, &tol);
    SEXP lim = PROTECT(Rf_allocVector(REALSXP, 9));
    double v[9] = {max_levels, name_max, all_levels, flags_all, n_default, any_year, max_bands,
                   n_kostra, tol};
    const char *nm[9] = {"max_levels", "level_name_max", "all_levels", "flags_all",
                         "n_default_levels", "any_year", "max_age_bands", "n_kostra_bands",
                         "stochastic_tol"};
    SEXP lnm = PROTECT(Rf_allocVector(STRSXP, 9));
    for (int i = 0; i < 9; i++) {
        REAL(lim)[i] = v[i];
        SET_STRING_ELT(lnm, i, Rf_mkChar(nm[i]));
    }
    Rf_setAttrib(lim, R_NamesSymbol, lnm);
    SET_VECTOR_ELT(out, 0, kinds);
    SET_VECTOR_ELT(out, 1, flags);
    SET_VECTOR_ELT(out, 2, modes);
    SET_VECTOR_ELT(out, 3, qty);
    SET_VECTOR_ELT(out, 4, lim);
    UNPROTECT(7);
    return out;
}

/* ---- transitions */

SEXP C_transitions_new(SEXP n_levels, SEXP band_lo, SEXP first_year, SEXP n_years)
{
    planomsorg_transitions *t = NULL;
    RPL_CHECK(planomsorg_transitions_new(&t, rpl_int(n_levels, "n_levels"),
                                         ivec(band_lo, "band_lo"), (size_t)XLENGTH(band_lo),
                                         rpl_int(first_year, "first_year"),
                                         rpl_int(n_years, "n_years")));
    return rpl_wrap_transitions(t);
}

SEXP C_transitions_copy(SEXP tr)
{
    planomsorg_transitions *t = NULL;
    RPL_CHECK(planomsorg_transitions_copy(&t, rpl_unwrap(tr, TR)));
    return rpl_wrap_transitions(t);
}

SEXP C_transitions_read_csv(SEXP path, SEXP sc)
{
    planomsorg_transitions *t = NULL;
    RPL_CHECK(planomsorg_transitions_read_csv(&t, rpl_str(path, "path"), rpl_staircase(sc)));
    return rpl_wrap_transitions(t);
}

SEXP C_transitions_parse_csv(SEXP text, SEXP source, SEXP sc)
{
    planomsorg_transitions *t = NULL;
    if (TYPEOF(text) != RAWSXP)
        Rf_error("'text' must be a raw vector");
    RPL_CHECK(planomsorg_transitions_parse_csv(&t, (const char *)RAW(text), (size_t)XLENGTH(text),
                                               rpl_str(source, "source"), rpl_staircase(sc)));
    return rpl_wrap_transitions(t);
}

/* list(n_levels, band_lo, first_year, n_years) */
SEXP C_transitions_info(SEXP tr)
{
    const planomsorg_transitions *t = rpl_unwrap(tr, TR);
    int nb = planomsorg_transitions_n_bands(t), fy = 0, ny = 0;
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 4));
    SEXP lo = PROTECT(Rf_allocVector(INTSXP, nb));
    for (int b = 0; b < nb; b++)
        RPL_CHECK(planomsorg_transitions_band_lo(&INTEGER(lo)[b], t, b));
    RPL_CHECK(planomsorg_transitions_years(&fy, &ny, t));
    SET_VECTOR_ELT(out, 0, Rf_ScalarInteger(planomsorg_transitions_n_levels(t)));
    SET_VECTOR_ELT(out, 1, lo);
    SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(fy));
    SET_VECTOR_ELT(out, 3, Rf_ScalarInteger(ny));
    UNPROTECT(2);
    return out;
}

/* M: R matrix [from, to] (column-major), transposed to row-major. */
SEXP C_transitions_set_matrix(SEXP tr, SEXP year, SEXP band, SEXP sex, SEXP m)
{
    planomsorg_transitions *t = rpl_unwrap(tr, TR);
    R_xlen_t nn = XLENGTH(m);
    int k = 0;
    while ((R_xlen_t)k * k < nn)
        k++;
    const double *src = rpl_dvec(m, -1, "matrix");
    double *rm = (double *)R_alloc(nn > 0 ? (size_t)nn : 1, sizeof(double));
    if ((R_xlen_t)k * k == nn) {
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                rm[(size_t)i * k + j] = src[(size_t)j * k + i];
    } else {
        memcpy(rm, src, (size_t)nn * sizeof(double)); /* the library reports the size */
    }
    RPL_CHECK(planomsorg_transitions_set_matrix(t, rpl_int(year, "year"), rpl_int(band, "band"),
                                                rpl_int(sex, "sex"), rm, (size_t)nn));
    return tr;
}

SEXP C_transitions_get_matrix(SEXP tr, SEXP year, SEXP band, SEXP sex)
{
    const planomsorg_transitions *t = rpl_unwrap(tr, TR);
    int k = planomsorg_transitions_n_levels(t);
    double *rm = (double *)R_alloc((size_t)k * k, sizeof(double));
    RPL_CHECK(planomsorg_transitions_get_matrix(rm, (size_t)k * k, t, rpl_int(year, "year"),
                                                rpl_int(band, "band"), rpl_int(sex, "sex")));
    SEXP out = PROTECT(Rf_allocMatrix(REALSXP, k, k));
    for (int i = 0; i < k; i++)
        for (int j = 0; j < k; j++)
            REAL(out)[(size_t)j * k + i] = rm[(size_t)i * k + j];
    UNPROTECT(1);
    return out;
}

SEXP C_transitions_set_mortality(SEXP tr, SEXP mu)
{
    RPL_CHECK(planomsorg_transitions_set_mortality(rpl_unwrap(tr, TR), rpl_dvec(mu, -1, "mortality"),
                                                   (size_t)XLENGTH(mu)));
    return tr;
}

SEXP C_transitions_get_mortality(SEXP tr)
{
    const planomsorg_transitions *t = rpl_unwrap(tr, TR);
    int k = planomsorg_transitions_n_levels(t);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, k));
    RPL_CHECK(planomsorg_transitions_get_mortality(REAL(out), (size_t)k, t));
    UNPROTECT(1);
    return out;
}

/* ---- services */

SEXP C_services_new(SEXP sc)
{
    planomsorg_services *s = NULL;
    RPL_CHECK(planomsorg_services_new(&s, rpl_staircase(sc)));
    return rpl_wrap_services(s);
}

SEXP C_services_staircase(SEXP svc)
{
    planomsorg_staircase *s = NULL;
    RPL_CHECK(planomsorg_staircase_copy(&s, planomsorg_services_staircase(rpl_services(svc))));
    return rpl_wrap_staircase(s);
}

SEXP C_services_set_mode(SEXP svc, SEXP mode)
{
    RPL_CHECK(planomsorg_services_set_mode(rpl_services(svc), rpl_int(mode, "mode")));
    return svc;
}

/* RATES: already in the C layout [level][band][sex] (permuted in R). */
SEXP C_services_set_rates(SEXP svc, SEXP rates, SEXP band_lo)
{
    RPL_CHECK(planomsorg_services_set_rates(rpl_services(svc), rpl_dvec(rates, -1, "rates"),
                                            (size_t)XLENGTH(rates), ivec(band_lo, "band_lo"),
                                            (size_t)XLENGTH(band_lo)));
    return svc;
}

SEXP C_services_set_rates_from_users(SEXP svc, SEXP users, SEXP band_lo, SEXP pop, SEXP year)
{
    RPL_CHECK(planomsorg_services_set_rates_from_users(
        rpl_services(svc), rpl_dvec(users, -1, "users"), (size_t)XLENGTH(users),
        ivec(band_lo, "band_lo"), (size_t)XLENGTH(band_lo), rpl_population(pop),
        rpl_int(year, "year")));
    return svc;
}

SEXP C_services_kostra_users(SEXP region, SEXP year, SEXP n)
{
    int len = rpl_int(n, "n");
    SEXP out = PROTECT(Rf_allocVector(REALSXP, len > 0 ? len : 0));
    RPL_CHECK(planomsorg_services_kostra_users(REAL(out), (size_t)(len > 0 ? len : 0),
                                               rpl_str(region, "region"), rpl_int(year, "year")));
    UNPROTECT(1);
    return out;
}

SEXP C_services_set_rates_kostra(SEXP svc, SEXP region, SEXP year)
{
    RPL_CHECK(planomsorg_services_set_rates_kostra(rpl_services(svc), rpl_str(region, "region"),
                                                   rpl_int(year, "year")));
    return svc;
}

SEXP C_services_get_rates(SEXP svc, SEXP max_age)
{
    const planomsorg_services *s = rpl_services(svc);
    int k = planomsorg_staircase_n_levels(planomsorg_services_staircase(s));
    int a = rpl_int(max_age, "max_age");
    size_t n = (a >= 0 && a <= PLANOMSORG_MAX_AGE_LIMIT) ? (size_t)k * (size_t)(a + 1) * 2 : 0;
    SEXP out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    RPL_CHECK(planomsorg_services_get_rates(REAL(out), n, s, a));
    UNPROTECT(1);
    return out;
}

SEXP C_services_set_transitions(SEXP svc, SEXP tr)
{
    RPL_CHECK(planomsorg_services_set_transitions(rpl_services(svc), rpl_unwrap(tr, TR)));
    return svc;
}

SEXP C_services_set_death_probabilities(SEXP svc, SEXP q, SEXP first_year, SEXP n_years,
                                        SEXP max_age)
{
    RPL_CHECK(planomsorg_services_set_death_probabilities(
        rpl_services(svc), rpl_dvec(q, -1, "q"), (size_t)XLENGTH(q),
        rpl_int(first_year, "first_year"), rpl_int(n_years, "n_years"),
        rpl_int(max_age, "max_age")));
    return svc;
}

SEXP C_services_set_initial_shares(SEXP svc, SEXP shares, SEXP max_age)
{
    RPL_CHECK(planomsorg_services_set_initial_shares(rpl_services(svc),
                                                     rpl_dvec(shares, -1, "shares"),
                                                     (size_t)XLENGTH(shares),
                                                     rpl_int(max_age, "max_age")));
    return svc;
}

SEXP C_services_set_birth_distribution(SEXP svc, SEXP dist)
{
    RPL_CHECK(planomsorg_services_set_birth_distribution(rpl_services(svc),
                                                         rpl_dvec(dist, -1, "dist"),
                                                         (size_t)XLENGTH(dist)));
    return svc;
}

/* WHAT: 0 capacity, 1 dreining (both per level), 2 family care. */
SEXP C_services_set_path(SEXP svc, SEXP what, SEXP level, SEXP values, SEXP first_year)
{
    planomsorg_services *s = rpl_services(svc);
    const double *v = rpl_dvec(values, -1, "values");
    int n = (int)XLENGTH(values), fy = rpl_int(first_year, "first_year");
    switch (rpl_int(what, "what")) {
    case 0: RPL_CHECK(planomsorg_services_set_capacity(s, rpl_int(level, "level"), v, fy, n)); break;
    case 1: RPL_CHECK(planomsorg_services_set_dreining(s, rpl_int(level, "level"), v, fy, n)); break;
    default: RPL_CHECK(planomsorg_services_set_family_care(s, v, fy, n)); break;
    }
    return svc;
}

SEXP C_services_read_capacity_csv(SEXP svc, SEXP path)
{
    RPL_CHECK(planomsorg_services_read_capacity_csv(rpl_services(svc), rpl_str(path, "path")));
    return svc;
}

SEXP C_services_parse_capacity_csv(SEXP svc, SEXP text, SEXP source)
{
    if (TYPEOF(text) != RAWSXP)
        Rf_error("'text' must be a raw vector");
    RPL_CHECK(planomsorg_services_parse_capacity_csv(rpl_services(svc), (const char *)RAW(text),
                                                     (size_t)XLENGTH(text),
                                                     rpl_str(source, "source")));
    return svc;
}

/* DELTA_LE: [year][sex] (transposed in R). */
SEXP C_services_set_healthy_ageing(SEXP svc, SEXP theta, SEXP delta_le, SEXP first_year,
                                   SEXP n_years)
{
    int n = rpl_int(n_years, "n_years");
    RPL_CHECK(planomsorg_services_set_healthy_ageing(
        rpl_services(svc), rpl_dbl(theta, "theta"),
        n > 0 ? rpl_dvec(delta_le, -1, "delta_le") : NULL, rpl_int(first_year, "first_year"),
        n));
    return svc;
}

SEXP C_services_run(SEXP svc, SEXP pop, SEXP first_year, SEXP last_year)
{
    planomsorg_result *r = NULL;
    RPL_CHECK(planomsorg_services_run(&r, rpl_services(svc), rpl_population(pop),
                                      rpl_int(first_year, "first_year"),
                                      rpl_int(last_year, "last_year")));
    return rpl_wrap_result(r);
}

/* ---- result */

SEXP C_result_info(SEXP res)
{
    const planomsorg_result *r = rpl_result(res);
    SEXP out = PROTECT(Rf_allocVector(INTSXP, 4));
    INTEGER(out)[0] = planomsorg_result_first_year(r);
    INTEGER(out)[1] = planomsorg_result_n_years(r);
    INTEGER(out)[2] = planomsorg_result_max_age(r);
    INTEGER(out)[3] = planomsorg_result_mode(r);
    UNPROTECT(1);
    return out;
}

SEXP C_result_staircase(SEXP res)
{
    planomsorg_staircase *s = NULL;
    RPL_CHECK(planomsorg_staircase_copy(&s, planomsorg_result_staircase(rpl_result(res))));
    return rpl_wrap_staircase(s);
}

SEXP C_result_population(SEXP res)
{
    planomsorg_population *p = NULL;
    RPL_CHECK(planomsorg_population_copy(&p, planomsorg_result_population(rpl_result(res))));
    return rpl_wrap_population(p);
}

/* Vectorised over (year, level, sex, age_lo, age_hi). */
SEXP C_result_get(SEXP res, SEXP quantity, SEXP year, SEXP level, SEXP sex, SEXP lo, SEXP hi)
{
    const planomsorg_result *r = rpl_result(res);
    int q = rpl_int(quantity, "quantity");
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_result_get(&REAL(out)[i], r, q, INTEGER(year)[i], INTEGER(level)[i],
                                        INTEGER(sex)[i], INTEGER(lo)[i], INTEGER(hi)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_result_users_queue(SEXP res, SEXP queue, SEXP year, SEXP level, SEXP sex, SEXP lo,
                          SEXP hi)
{
    const planomsorg_result *r = rpl_result(res);
    int qu = Rf_asLogical(queue) == TRUE;
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        double *v = &REAL(out)[i];
        int y = INTEGER(year)[i], k = INTEGER(level)[i], s = INTEGER(sex)[i];
        RPL_CHECK(qu ? planomsorg_result_queue(v, r, y, k, s, INTEGER(lo)[i], INTEGER(hi)[i])
                     : planomsorg_result_users(v, r, y, k, s, INTEGER(lo)[i], INTEGER(hi)[i]));
    }
    UNPROTECT(1);
    return out;
}

SEXP C_result_capacity(SEXP res, SEXP year, SEXP level)
{
    const planomsorg_result *r = rpl_result(res);
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_result_capacity(&REAL(out)[i], r, INTEGER(year)[i],
                                             INTEGER(level)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_result_coverage(SEXP res, SEXP year, SEXP levels, SEXP lo, SEXP hi, SEXP user_based)
{
    const planomsorg_result *r = rpl_result(res);
    R_xlen_t n = XLENGTH(year);
    int ub = Rf_asLogical(user_based) == TRUE;
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_result_coverage(&REAL(out)[i], r, INTEGER(year)[i],
                                             ivec(levels, "levels"), (size_t)XLENGTH(levels),
                                             rpl_int(lo, "age_lo"), rpl_int(hi, "age_hi"), ub));
    UNPROTECT(1);
    return out;
}

SEXP C_result_coverage_24h(SEXP res, SEXP year, SEXP user_based)
{
    const planomsorg_result *r = rpl_result(res);
    R_xlen_t n = XLENGTH(year);
    int ub = Rf_asLogical(user_based) == TRUE;
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_result_coverage_24h(&REAL(out)[i], r, INTEGER(year)[i], ub));
    UNPROTECT(1);
    return out;
}

/* Flat [year][sex][age][level]: R array [level, age, sex, year] (permuted in R). */
SEXP C_result_export(SEXP res, SEXP quantity)
{
    const planomsorg_result *r = rpl_result(res);
    size_t n = planomsorg_result_size(r);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    RPL_CHECK(planomsorg_result_export(REAL(out), n, r, rpl_int(quantity, "quantity")));
    UNPROTECT(1);
    return out;
}

SEXP C_result_write_csv(SEXP res, SEXP path, SEXP band_lo)
{
    int has = !Rf_isNull(band_lo);
    RPL_CHECK(planomsorg_result_write_csv(rpl_result(res), rpl_str(path, "path"),
                                          has ? ivec(band_lo, "band_lo") : NULL,
                                          has ? (size_t)XLENGTH(band_lo) : 0));
    return R_NilValue;
}
