/* staffing.h and costs.h. Level and group indices are 0-based here. */
#include "rpl.h"

#define STF "planomsorg_staffing"
#define SRES "planomsorg_staffing_result"
#define CST "planomsorg_costs"
#define CRES "planomsorg_costs_result"


static void stf_fin(SEXP x)
{
    planomsorg_staffing_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}
static void sres_fin(SEXP x)
{
    planomsorg_staffing_result_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}
static void cst_fin(SEXP x)
{
    planomsorg_costs_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}
static void cres_fin(SEXP x)
{
    planomsorg_costs_result_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}

SEXP rpl_wrap_staffing(planomsorg_staffing *s)
{
    return rpl_wrap(s, STF, stf_fin);
}
SEXP rpl_wrap_costs(planomsorg_costs *c)
{
    return rpl_wrap(c, CST, cst_fin);
}
SEXP rpl_wrap_staffing_result(planomsorg_staffing_result *r)
{
    return rpl_wrap(r, SRES, sres_fin);
}
SEXP rpl_wrap_costs_result(planomsorg_costs_result *r)
{
    return rpl_wrap(r, CRES, cres_fin);
}
planomsorg_staffing *rpl_staffing(SEXP x)
{
    return rpl_unwrap(x, STF);
}
planomsorg_costs *rpl_costs(SEXP x)
{
    return rpl_unwrap(x, CST);
}

/* ---- staffing */

SEXP C_staffing_new(SEXP dflt, SEXP n_levels, SEXP n_groups, SEXP first_year, SEXP n_years)
{
    planomsorg_staffing *s = NULL;
    if (Rf_asLogical(dflt) == TRUE)
        RPL_CHECK(planomsorg_staffing_new_default(&s, rpl_int(first_year, "first_year"),
                                                  rpl_int(n_years, "n_years")));
    else
        RPL_CHECK(planomsorg_staffing_new(&s, rpl_int(n_levels, "n_levels"),
                                          rpl_int(n_groups, "n_groups"),
                                          rpl_int(first_year, "first_year"),
                                          rpl_int(n_years, "n_years")));
    return rpl_wrap_staffing(s);
}

SEXP C_staffing_copy(SEXP stf)
{
    planomsorg_staffing *s = NULL;
    RPL_CHECK(planomsorg_staffing_copy(&s, rpl_staffing(stf)));
    return rpl_wrap_staffing(s);
}

SEXP C_staffing_use_kostra(SEXP stf, SEXP region, SEXP year)
{
    RPL_CHECK(planomsorg_staffing_use_kostra(rpl_staffing(stf), rpl_str(region, "region"),
                                             rpl_int(year, "year")));
    return stf;
}

/* list(n_levels, n_groups, first_year, n_years, group names, fte per user, mix [level][group]) */
SEXP C_staffing_info(SEXP stf)
{
    const planomsorg_staffing *s = rpl_staffing(stf);
    int nl = planomsorg_staffing_n_levels(s), ng = planomsorg_staffing_n_groups(s);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 7));
    SEXP names = PROTECT(Rf_allocVector(STRSXP, ng));
    for (int g = 0; g < ng; g++)
        SET_STRING_ELT(names, g, Rf_mkCharCE(planomsorg_staffing_group_name(s, g), CE_UTF8));
    SEXP fte = PROTECT(Rf_allocVector(REALSXP, nl));
    SEXP mix = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)nl * ng));
    RPL_CHECK(planomsorg_staffing_export_tables(s, REAL(fte), (size_t)nl, REAL(mix),
                                                (size_t)nl * ng));
    SET_VECTOR_ELT(out, 0, Rf_ScalarInteger(nl));
    SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(ng));
    SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(planomsorg_staffing_first_year(s)));
    SET_VECTOR_ELT(out, 3, Rf_ScalarInteger(planomsorg_staffing_n_years(s)));
    SET_VECTOR_ELT(out, 4, names);
    SET_VECTOR_ELT(out, 5, fte);
    SET_VECTOR_ELT(out, 6, mix);
    UNPROTECT(4);
    return out;
}

SEXP C_staffing_set_group_name(SEXP stf, SEXP group, SEXP name)
{
    RPL_CHECK(planomsorg_staffing_set_group_name(rpl_staffing(stf), rpl_int(group, "group"),
                                                 rpl_str(name, "name")));
    return stf;
}

SEXP C_staffing_find_group(SEXP stf, SEXP name)
{
    int g = 0;
    RPL_CHECK(planomsorg_staffing_find_group(&g, rpl_staffing(stf), rpl_str(name, "group")));
    return Rf_ScalarInteger(g);
}

SEXP C_staffing_set_fte_per_user(SEXP stf, SEXP level, SEXP fte)
{
    RPL_CHECK(planomsorg_staffing_set_fte_per_user(rpl_staffing(stf), rpl_int(level, "level"),
                                                   rpl_dbl(fte, "fte")));
    return stf;
}

SEXP C_staffing_set_hours_per_user(SEXP stf, SEXP level, SEXP hours, SEXP weeks, SEXP per_fte)
{
    RPL_CHECK(planomsorg_staffing_set_hours_per_user(rpl_staffing(stf), rpl_int(level, "level"),
                                                     rpl_dbl(hours, "hours_per_week"),
                                                     rpl_dbl(weeks, "weeks"),
                                                     rpl_dbl(per_fte, "hours_per_fte")));
    return stf;
}

SEXP C_staffing_set_mix(SEXP stf, SEXP level, SEXP shares)
{
    RPL_CHECK(planomsorg_staffing_set_mix(rpl_staffing(stf), rpl_int(level, "level"),
                                          rpl_dvec(shares, -1, "shares"),
                                          (size_t)XLENGTH(shares)));
    return stf;
}

SEXP C_staffing_mix(SEXP stf, SEXP level, SEXP group)
{
    double v = 0;
    RPL_CHECK(planomsorg_staffing_mix(&v, rpl_staffing(stf), rpl_int(level, "level"),
                                      rpl_int(group, "group")));
    return Rf_ScalarReal(v);
}

/* MIX already [level][group] (transposed in R). */
SEXP C_staffing_import_tables(SEXP stf, SEXP fte, SEXP mix)
{
    RPL_CHECK(planomsorg_staffing_import_tables(rpl_staffing(stf), rpl_dvec(fte, -1, "fte_per_user"),
                                                (size_t)XLENGTH(fte), rpl_dvec(mix, -1, "mix"),
                                                (size_t)XLENGTH(mix)));
    return stf;
}

/* WHAT: 0 standard path, 1 productivity path, 2 standard growth, 3 productivity growth. */
SEXP C_staffing_set_factor(SEXP stf, SEXP what, SEXP values)
{
    planomsorg_staffing *s = rpl_staffing(stf);
    switch (rpl_int(what, "what")) {
    case 0:
        RPL_CHECK(planomsorg_staffing_set_standard_path(s, rpl_dvec(values, -1, "factor"),
                                                        (size_t)XLENGTH(values)));
        break;
    case 1:
        RPL_CHECK(planomsorg_staffing_set_productivity_path(s, rpl_dvec(values, -1, "factor"),
                                                            (size_t)XLENGTH(values)));
        break;
    case 2: RPL_CHECK(planomsorg_staffing_set_standard_growth(s, rpl_dbl(values, "rate"))); break;
    default:
        RPL_CHECK(planomsorg_staffing_set_productivity_growth(s, rpl_dbl(values, "rate")));
        break;
    }
    return stf;
}

/* Per year: standard, productivity; per group and year: absence, position share. */
SEXP C_staffing_factors(SEXP stf, SEXP year)
{
    const planomsorg_staffing *s = rpl_staffing(stf);
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocMatrix(REALSXP, n, 2));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_staffing_factors(&REAL(out)[i], &REAL(out)[n + i], s,
                                              INTEGER(year)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_staffing_group_rates(SEXP stf, SEXP group, SEXP year)
{
    const planomsorg_staffing *s = rpl_staffing(stf);
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocMatrix(REALSXP, n, 2));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_staffing_group_rates(&REAL(out)[i], &REAL(out)[n + i], s,
                                                  INTEGER(group)[i], INTEGER(year)[i]));
    UNPROTECT(1);
    return out;
}

/* WHAT: 0 absence, 1 position share, 2 attrition (scalar per group). */
SEXP C_staffing_set_group_value(SEXP stf, SEXP what, SEXP group, SEXP value)
{
    planomsorg_staffing *s = rpl_staffing(stf);
    int g = rpl_int(group, "group");
    double v = rpl_dbl(value, "value");
    switch (rpl_int(what, "what")) {
    case 0: RPL_CHECK(planomsorg_staffing_set_absence(s, g, v)); break;
    case 1: RPL_CHECK(planomsorg_staffing_set_position_share(s, g, v)); break;
    default: RPL_CHECK(planomsorg_staffing_set_attrition(s, g, v)); break;
    }
    return stf;
}

/* WHAT: 0 position share path, 1 workforce by age, 2 recruitment per year,
 * 3 workforce total (one value). */
SEXP C_staffing_set_group_vector(SEXP stf, SEXP what, SEXP group, SEXP values)
{
    planomsorg_staffing *s = rpl_staffing(stf);
    int g = rpl_int(group, "group");
    const double *v = rpl_dvec(values, -1, "values");
    size_t n = (size_t)XLENGTH(values);
    switch (rpl_int(what, "what")) {
    case 0: RPL_CHECK(planomsorg_staffing_set_position_share_path(s, g, v, n)); break;
    case 1: RPL_CHECK(planomsorg_staffing_set_workforce(s, g, v, n)); break;
    case 2: RPL_CHECK(planomsorg_staffing_set_recruitment(s, g, v, n)); break;
    default: RPL_CHECK(planomsorg_staffing_set_workforce_total(s, g, rpl_dbl(values, "persons")));
    }
    return stf;
}

SEXP C_staffing_set_workforce_bands(SEXP stf, SEXP group, SEXP persons, SEXP lo, SEXP hi)
{
    R_xlen_t n = XLENGTH(persons);
    if (!Rf_isInteger(lo) || !Rf_isInteger(hi) || XLENGTH(lo) != n || XLENGTH(hi) != n)
        Rf_error("'age_lo' and 'age_hi' must be integer vectors as long as 'persons'");
    RPL_CHECK(planomsorg_staffing_set_workforce_bands(rpl_staffing(stf), rpl_int(group, "group"),
                                                      rpl_dvec(persons, -1, "persons"),
                                                      INTEGER(lo), INTEGER(hi), (size_t)n));
    return stf;
}

/* WHAT: 0 exit rates by age, 1 recruit age profile. */
SEXP C_staffing_set_age_vector(SEXP stf, SEXP what, SEXP values)
{
    planomsorg_staffing *s = rpl_staffing(stf);
    const double *v = rpl_dvec(values, -1, "values");
    size_t n = (size_t)XLENGTH(values);
    if (rpl_int(what, "what") == 0)
        RPL_CHECK(planomsorg_staffing_set_exit_rates(s, v, n));
    else
        RPL_CHECK(planomsorg_staffing_set_recruit_ages(s, v, n));
    return stf;
}

SEXP C_staffing_set_fulltime_lever(SEXP stf, SEXP increase, SEXP cap)
{
    RPL_CHECK(planomsorg_staffing_set_fulltime_lever(rpl_staffing(stf),
                                                     rpl_dbl(increase, "increase"),
                                                     rpl_dbl(cap, "cap")));
    return stf;
}

/* USERS already [year][level] (transposed in R). */
SEXP C_staffing_compute(SEXP stf, SEXP users, SEXP pop)
{
    planomsorg_staffing_result *r = NULL;
    RPL_CHECK(planomsorg_staffing_compute(&r, rpl_staffing(stf), rpl_dvec(users, -1, "users"),
                                          (size_t)XLENGTH(users),
                                          Rf_isNull(pop) ? NULL : rpl_population(pop)));
    return rpl_wrap_staffing_result(r);
}

SEXP C_staffing_result_get(SEXP res, SEXP measure, SEXP year, SEXP level, SEXP group)
{
    const planomsorg_staffing_result *r = rpl_unwrap(res, SRES);
    int m = rpl_int(measure, "measure");
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_staffing_result_get(&REAL(out)[i], r, m, INTEGER(year)[i],
                                                 INTEGER(level)[i], INTEGER(group)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_staffing_result_export(SEXP res, SEXP measure)
{
    const planomsorg_staffing_result *r = rpl_unwrap(res, SRES);
    int m = rpl_int(measure, "measure");
    size_t n = planomsorg_staffing_result_size(r, m);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    RPL_CHECK(planomsorg_staffing_result_export(r, m, REAL(out), n));
    UNPROTECT(1);
    return out;
}

SEXP C_staffing_constants(void)
{
    int min_age, max_age, max_dim, def_levels, all;
    double tol;
    planomsorg_staffing_limits(&min_age, &max_age, &max_dim, &def_levels, &all, &tol);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 3));
    SEXP lim = PROTECT(Rf_allocVector(REALSXP, 6));
    SEXP lnm = PROTECT(Rf_allocVector(STRSXP, 6));
    double v[6] = {min_age, max_age, max_dim, def_levels, all, tol};
    const char *nm[6] = {"min_age", "max_age", "max_dim", "default_levels", "all",
                         "sum_tolerance"};
    for (int i = 0; i < 6; i++) {
        REAL(lim)[i] = v[i];
        SET_STRING_ELT(lnm, i, Rf_mkChar(nm[i]));
    }
    Rf_setAttrib(lim, R_NamesSymbol, lnm);
    SEXP meas = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_STAFF_N_MEASURES));
    for (int i = 0; i < PLANOMSORG_STAFF_N_MEASURES; i++)
        SET_STRING_ELT(meas, i, Rf_mkChar(planomsorg_staff_measure_name(i)));
    SEXP grp = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_DEFAULT_GROUPS));
    for (int i = 0; i < PLANOMSORG_N_DEFAULT_GROUPS; i++)
        SET_STRING_ELT(grp, i, Rf_mkChar(planomsorg_group_default_name(i)));
    SET_VECTOR_ELT(out, 0, lim);
    SET_VECTOR_ELT(out, 1, meas);
    SET_VECTOR_ELT(out, 2, grp);
    UNPROTECT(5);
    return out;
}

/* ---- costs */

SEXP C_costs_new(SEXP n_levels, SEXP first_year, SEXP n_years)
{
    planomsorg_costs *c = NULL;
    RPL_CHECK(planomsorg_costs_new(&c, rpl_int(n_levels, "n_levels"),
                                   rpl_int(first_year, "first_year"), rpl_int(n_years, "n_years")));
    return rpl_wrap_costs(c);
}

SEXP C_costs_copy(SEXP cst)
{
    planomsorg_costs *c = NULL;
    RPL_CHECK(planomsorg_costs_copy(&c, rpl_costs(cst)));
    return rpl_wrap_costs(c);
}

/* list(n_levels, first_year, n_years, cost per user, cost per fte, place matrix [type, 3]) */
SEXP C_costs_info(SEXP cst)
{
    const planomsorg_costs *c = rpl_costs(cst);
    int nl = planomsorg_costs_n_levels(c);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 6));
    SEXP cu = PROTECT(Rf_allocVector(REALSXP, nl));
    for (int k = 0; k < nl; k++)
        RPL_CHECK(planomsorg_costs_cost_per_user(&REAL(cu)[k], c, k));
    double fte = 0;
    RPL_CHECK(planomsorg_costs_cost_per_fte(&fte, c));
    SEXP pl = PROTECT(Rf_allocMatrix(REALSXP, PLANOMSORG_N_PLACE_TYPES, 3));
    for (int j = 0; j < PLANOMSORG_N_PLACE_TYPES; j++)
        RPL_CHECK(planomsorg_costs_place(&REAL(pl)[j], &REAL(pl)[PLANOMSORG_N_PLACE_TYPES + j],
                                         &REAL(pl)[2 * PLANOMSORG_N_PLACE_TYPES + j], c, j));
    SET_VECTOR_ELT(out, 0, Rf_ScalarInteger(nl));
    SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(planomsorg_costs_first_year(c)));
    SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(planomsorg_costs_n_years(c)));
    SET_VECTOR_ELT(out, 3, cu);
    SET_VECTOR_ELT(out, 4, Rf_ScalarReal(fte));
    SET_VECTOR_ELT(out, 5, pl);
    UNPROTECT(3);
    return out;
}

SEXP C_costs_set_cost_per_user(SEXP cst, SEXP level, SEXP nok)
{
    RPL_CHECK(planomsorg_costs_set_cost_per_user(rpl_costs(cst), rpl_int(level, "level"),
                                                 rpl_dbl(nok, "nok")));
    return cst;
}

SEXP C_costs_set_cost_per_fte(SEXP cst, SEXP nok)
{
    RPL_CHECK(planomsorg_costs_set_cost_per_fte(rpl_costs(cst), rpl_dbl(nok, "nok")));
    return cst;
}

SEXP C_costs_set_place_cost(SEXP cst, SEXP type, SEXP nok)
{
    RPL_CHECK(planomsorg_costs_set_place_cost(rpl_costs(cst), rpl_int(type, "type"),
                                              rpl_dbl(nok, "nok")));
    return cst;
}

SEXP C_costs_set_grant(SEXP cst, SEXP type, SEXP share, SEXP ceiling)
{
    RPL_CHECK(planomsorg_costs_set_grant(rpl_costs(cst), rpl_int(type, "type"),
                                         rpl_dbl(share, "share"), rpl_dbl(ceiling, "ceiling")));
    return cst;
}

SEXP C_costs_set_capacity(SEXP cst, SEXP type, SEXP initial, SEXP capacity)
{
    RPL_CHECK(planomsorg_costs_set_capacity(rpl_costs(cst), rpl_int(type, "type"),
                                            rpl_dbl(initial, "initial"),
                                            rpl_dvec(capacity, -1, "capacity"),
                                            (size_t)XLENGTH(capacity)));
    return cst;
}

/* USERS [year][level] (transposed in R) or NULL; FTE per year or NULL. */
SEXP C_costs_compute(SEXP cst, SEXP users, SEXP fte)
{
    planomsorg_costs_result *r = NULL;
    int hu = !Rf_isNull(users), hf = !Rf_isNull(fte);
    RPL_CHECK(planomsorg_costs_compute(&r, rpl_costs(cst), hu ? rpl_dvec(users, -1, "users") : NULL,
                                       hu ? (size_t)XLENGTH(users) : 0,
                                       hf ? rpl_dvec(fte, -1, "fte") : NULL,
                                       hf ? (size_t)XLENGTH(fte) : 0));
    return rpl_wrap_costs_result(r);
}

SEXP C_costs_result_get(SEXP res, SEXP measure, SEXP year, SEXP index)
{
    const planomsorg_costs_result *r = rpl_unwrap(res, CRES);
    int m = rpl_int(measure, "measure");
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_costs_result_get(&REAL(out)[i], r, m, INTEGER(year)[i],
                                              INTEGER(index)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_costs_result_export(SEXP res, SEXP measure, SEXP n_years)
{
    int n = rpl_int(n_years, "n_years");
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n > 0 ? n : 0));
    RPL_CHECK(planomsorg_costs_result_export(rpl_unwrap(res, CRES), rpl_int(measure, "measure"),
                                             REAL(out), (size_t)(n > 0 ? n : 0)));
    UNPROTECT(1);
    return out;
}

SEXP C_costs_result_pv(SEXP res, SEXP measure, SEXP rate, SEXP base_year)
{
    double v = 0;
    RPL_CHECK(planomsorg_costs_result_pv(&v, rpl_unwrap(res, CRES), rpl_int(measure, "measure"),
                                         rpl_dbl(rate, "rate"), rpl_int(base_year, "base_year")));
    return Rf_ScalarReal(v);
}

SEXP C_present_value(SEXP values, SEXP first_year, SEXP rate, SEXP base_year)
{
    double v = 0;
    RPL_CHECK(planomsorg_present_value(&v, rpl_dvec(values, -1, "values"), (size_t)XLENGTH(values),
                                       rpl_int(first_year, "first_year"), rpl_dbl(rate, "rate"),
                                       rpl_int(base_year, "base_year")));
    return Rf_ScalarReal(v);
}

SEXP C_costs_constants(void)
{
    double fte, place, gn, gh;
    int all;
    planomsorg_costs_defaults(&fte, &place, &gn, &gh, &all);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 3));
    SEXP d = PROTECT(Rf_allocVector(REALSXP, 5));
    SEXP dn = PROTECT(Rf_allocVector(STRSXP, 5));
    double v[5] = {fte, place, gn, gh, all};
    const char *nm[5] = {"cost_per_fte", "place_cost", "grant_nursing_home", "grant_housing",
                         "all"};
    for (int i = 0; i < 5; i++) {
        REAL(d)[i] = v[i];
        SET_STRING_ELT(dn, i, Rf_mkChar(nm[i]));
    }
    Rf_setAttrib(d, R_NamesSymbol, dn);
    SEXP types = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_PLACE_TYPES));
    for (int i = 0; i < PLANOMSORG_N_PLACE_TYPES; i++)
        SET_STRING_ELT(types, i, Rf_mkChar(planomsorg_place_type_name(i)));
    SEXP meas = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_COST_N_MEASURES));
    for (int i = 0; i < PLANOMSORG_COST_N_MEASURES; i++)
        SET_STRING_ELT(meas, i, Rf_mkChar(planomsorg_cost_measure_name(i)));
    SET_VECTOR_ELT(out, 0, d);
    SET_VECTOR_ELT(out, 1, types);
    SET_VECTOR_ELT(out, 2, meas);
    UNPROTECT(5);
    return out;
}
