/* scenario.h, plan.h, ssbproj.h and align.h. Level and group indices are 0-based here. */
#include "rpl.h"

#define SCN "planomsorg_scenario"
#define PLN "planomsorg_plan"
#define PRES "planomsorg_plan_result"
#define SSB "planomsorg_ssbproj"

#define FIN(name, type, fn)                                                                  \
    static void name(SEXP x)                                                                 \
    {                                                                                        \
        fn((type *)R_ExternalPtrAddr(x));                                                    \
        R_ClearExternalPtr(x);                                                               \
    }
FIN(scn_fin, planomsorg_scenario, planomsorg_scenario_free)
FIN(pln_fin, planomsorg_plan, planomsorg_plan_free)
FIN(pres_fin, planomsorg_plan_result, planomsorg_plan_result_free)
FIN(ssb_fin, planomsorg_ssbproj, planomsorg_ssbproj_free)

static planomsorg_scenario *scn(SEXP x)
{
    return rpl_unwrap(x, SCN);
}
static planomsorg_plan *pln(SEXP x)
{
    return rpl_unwrap(x, PLN);
}
static const planomsorg_plan_result *pres(SEXP x)
{
    return rpl_unwrap(x, PRES);
}
static const planomsorg_ssbproj *ssb(SEXP x)
{
    return rpl_unwrap(x, SSB);
}

static SEXP str_or_na(const char *s)
{
    return s ? Rf_mkCharCE(s, CE_UTF8) : NA_STRING;
}

/* ---- scenario */

SEXP C_scenario_new(SEXP name, SEXP bundle)
{
    planomsorg_scenario *s = NULL;
    if (Rf_isNull(name))
        RPL_CHECK(planomsorg_scenario_new_bundle(&s, rpl_int(bundle, "bundle")));
    else
        RPL_CHECK(planomsorg_scenario_new(&s, rpl_str(name, "name")));
    return rpl_wrap(s, SCN, scn_fin);
}

SEXP C_scenario_copy(SEXP sc)
{
    planomsorg_scenario *s = NULL;
    RPL_CHECK(planomsorg_scenario_copy(&s, scn(sc)));
    return rpl_wrap(s, SCN, scn_fin);
}

SEXP C_scenario_set_name(SEXP sc, SEXP name)
{
    RPL_CHECK(planomsorg_scenario_set_name(scn(sc), rpl_str(name, "name")));
    return sc;
}

SEXP C_scenario_set_demography(SEXP sc, SEXP alt)
{
    RPL_CHECK(planomsorg_scenario_set_demography(scn(sc), rpl_int(alt, "alternative")));
    return sc;
}

/* list(name, demography code, is_path per lever) */
SEXP C_scenario_info(SEXP sc)
{
    const planomsorg_scenario *s = scn(sc);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 3));
    SEXP path = PROTECT(Rf_allocVector(LGLSXP, PLANOMSORG_N_LEVERS));
    for (int i = 0; i < PLANOMSORG_N_LEVERS; i++)
        LOGICAL(path)[i] = planomsorg_scenario_lever_is_path(s, i) == 1;
    SET_VECTOR_ELT(out, 0, Rf_ScalarString(str_or_na(planomsorg_scenario_name(s))));
    SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(planomsorg_scenario_demography(s)));
    SET_VECTOR_ELT(out, 2, path);
    UNPROTECT(2);
    return out;
}

SEXP C_scenario_set_value(SEXP sc, SEXP lever, SEXP value)
{
    RPL_CHECK(planomsorg_scenario_set_value(scn(sc), rpl_int(lever, "lever"),
                                            rpl_dbl(value, "value")));
    return sc;
}

SEXP C_scenario_set_path(SEXP sc, SEXP lever, SEXP values, SEXP first_year)
{
    RPL_CHECK(planomsorg_scenario_set_path(scn(sc), rpl_int(lever, "lever"),
                                           rpl_dvec(values, -1, "values"),
                                           rpl_int(first_year, "first_year"),
                                           (int)XLENGTH(values)));
    return sc;
}

SEXP C_scenario_set_ramp(SEXP sc, SEXP lever, SEXP y0, SEXP v0, SEXP y1, SEXP v1)
{
    RPL_CHECK(planomsorg_scenario_set_ramp(scn(sc), rpl_int(lever, "lever"),
                                           rpl_int(y0, "start_year"), rpl_dbl(v0, "start_value"),
                                           rpl_int(y1, "end_year"), rpl_dbl(v1, "end_value")));
    return sc;
}

/* WHAT 0: lever value; 1: growth factor from BASE. Vectorised over YEAR. */
SEXP C_scenario_lever(SEXP sc, SEXP what, SEXP lever, SEXP year, SEXP base)
{
    const planomsorg_scenario *s = scn(sc);
    int l = rpl_int(lever, "lever"), w = rpl_int(what, "what");
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        if (w == 0)
            RPL_CHECK(planomsorg_scenario_lever(&REAL(out)[i], s, l, INTEGER(year)[i]));
        else
            RPL_CHECK(planomsorg_scenario_growth_factor(&REAL(out)[i], s, l,
                                                        rpl_int(base, "base_year"),
                                                        INTEGER(year)[i]));
    }
    UNPROTECT(1);
    return out;
}

SEXP C_scenario_set_capacity(SEXP sc, SEXP level, SEXP places, SEXP first_year)
{
    RPL_CHECK(planomsorg_scenario_set_capacity(scn(sc), rpl_str(level, "level"),
                                               rpl_dvec(places, -1, "places"),
                                               rpl_int(first_year, "first_year"),
                                               (int)XLENGTH(places)));
    return sc;
}

SEXP C_scenario_set_coverage_target(SEXP sc, SEXP level, SEXP targets, SEXP first_year,
                                    SEXP age_lo, SEXP age_hi)
{
    RPL_CHECK(planomsorg_scenario_set_coverage_target(
        scn(sc), rpl_str(level, "level"), rpl_dvec(targets, -1, "targets"),
        rpl_int(first_year, "first_year"), (int)XLENGTH(targets), rpl_int(age_lo, "age_lo"),
        rpl_int(age_hi, "age_hi")));
    return sc;
}

/* list of list(level, first_year, places or targets, c(is_target, age_lo, age_hi)) */
SEXP C_scenario_capacities(SEXP sc)
{
    const planomsorg_scenario *s = scn(sc);
    int n = planomsorg_scenario_n_capacities(s);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, n));
    for (int i = 0; i < n; i++) {
        const char *level = NULL;
        const double *places = NULL;
        int fy = 0, ny = 0;
        RPL_CHECK(planomsorg_scenario_capacity(&level, &places, &fy, &ny, s, i));
        SEXP e = PROTECT(Rf_allocVector(VECSXP, 4));
        SEXP p = PROTECT(Rf_allocVector(REALSXP, ny));
        for (int k = 0; k < ny; k++)
            REAL(p)[k] = places[k];
        SEXP tg = PROTECT(Rf_allocVector(INTSXP, 3));
        RPL_CHECK(planomsorg_scenario_capacity_target(&INTEGER(tg)[0], &INTEGER(tg)[1],
                                                      &INTEGER(tg)[2], s, i));
        SET_VECTOR_ELT(e, 0, Rf_ScalarString(str_or_na(level)));
        SET_VECTOR_ELT(e, 1, Rf_ScalarInteger(fy));
        SET_VECTOR_ELT(e, 2, p);
        SET_VECTOR_ELT(e, 3, tg);
        SET_VECTOR_ELT(out, i, e);
        UNPROTECT(3);
    }
    UNPROTECT(1);
    return out;
}

/* Levers (name, neutral, lo, hi), bundles, measures (name, by_level, by_group),
 * SSB alternatives (name, label). */
SEXP C_plan_constants(void)
{
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 9));
    SEXP ln = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_LEVERS));
    SEXP lv = PROTECT(Rf_allocMatrix(REALSXP, PLANOMSORG_N_LEVERS, 3));
    for (int i = 0; i < PLANOMSORG_N_LEVERS; i++) {
        double lo = 0, hi = 0;
        int code = -1;
        RPL_CHECK(planomsorg_lever_range(&lo, &hi, i));
        RPL_CHECK(planomsorg_lever_find(&code, planomsorg_lever_name(i)));
        SET_STRING_ELT(ln, i, Rf_mkChar(planomsorg_lever_name(code)));
        REAL(lv)[i] = planomsorg_lever_neutral(i);
        REAL(lv)[PLANOMSORG_N_LEVERS + i] = lo;
        REAL(lv)[2 * PLANOMSORG_N_LEVERS + i] = hi;
    }
    SEXP bn = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_BUNDLES));
    for (int i = 0; i < PLANOMSORG_N_BUNDLES; i++)
        SET_STRING_ELT(bn, i, Rf_mkChar(planomsorg_bundle_name(i)));
    SEXP mn = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_MEASURES));
    SEXP md = PROTECT(Rf_allocMatrix(LGLSXP, PLANOMSORG_N_MEASURES, 2));
    for (int i = 0; i < PLANOMSORG_N_MEASURES; i++) {
        int bl = 0, bg = 0, code = -1;
        RPL_CHECK(planomsorg_plan_measure_dims(&bl, &bg, i));
        RPL_CHECK(planomsorg_plan_measure_find(&code, planomsorg_plan_measure_name(i)));
        SET_STRING_ELT(mn, i, Rf_mkChar(planomsorg_plan_measure_name(code)));
        LOGICAL(md)[i] = bl;
        LOGICAL(md)[PLANOMSORG_N_MEASURES + i] = bg;
    }
    SEXP an = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_SSBPROJ_N_ALTERNATIVES));
    SEXP al = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_SSBPROJ_N_ALTERNATIVES));
    for (int i = 0; i < PLANOMSORG_SSBPROJ_N_ALTERNATIVES; i++) {
        SET_STRING_ELT(an, i, Rf_mkChar(planomsorg_ssbproj_alternative_name(i)));
        SET_STRING_ELT(al, i, Rf_mkCharCE(planomsorg_ssbproj_alternative_label(i), CE_UTF8));
    }
    SEXP lim = PROTECT(Rf_allocVector(REALSXP, 5));
    REAL(lim)[0] = PLANOMSORG_SCENARIO_NAME_MAX;
    REAL(lim)[1] = PLANOMSORG_SCENARIO_MAX_CAPACITY;
    REAL(lim)[2] = PLANOMSORG_PLAN_MAX_SCENARIOS;
    REAL(lim)[3] = PLANOMSORG_ALIGN_DEFAULT_TOLERANCE;
    REAL(lim)[4] = PLANOMSORG_ALIGN_DEFAULT_MAX_ITER;
    SET_VECTOR_ELT(out, 0, ln);
    SET_VECTOR_ELT(out, 1, lv);
    SET_VECTOR_ELT(out, 2, bn);
    SET_VECTOR_ELT(out, 3, mn);
    SET_VECTOR_ELT(out, 4, md);
    SET_VECTOR_ELT(out, 5, an);
    SET_VECTOR_ELT(out, 6, al);
    SET_VECTOR_ELT(out, 7, lim);
    SET_VECTOR_ELT(out, 8, R_NilValue);
    UNPROTECT(9);
    return out;
}

SEXP C_lever_find(SEXP name)
{
    int code = 0;
    RPL_CHECK(planomsorg_lever_find(&code, rpl_str(name, "lever")));
    return Rf_ScalarInteger(code);
}

SEXP C_bundle_find(SEXP name)
{
    int code = 0;
    RPL_CHECK(planomsorg_bundle_find(&code, rpl_str(name, "bundle")));
    return Rf_ScalarInteger(code);
}

SEXP C_plan_measure_find(SEXP name)
{
    int code = 0;
    RPL_CHECK(planomsorg_plan_measure_find(&code, rpl_str(name, "measure")));
    return Rf_ScalarInteger(code);
}

/* ---- plan */

SEXP C_plan_new(SEXP region, SEXP base_year, SEXP last_year)
{
    planomsorg_plan *p = NULL;
    RPL_CHECK(planomsorg_plan_new(&p, rpl_str(region, "region"), rpl_int(base_year, "base_year"),
                                  rpl_int(last_year, "last_year")));
    return rpl_wrap(p, PLN, pln_fin);
}

SEXP C_plan_read_yaml(SEXP path)
{
    planomsorg_plan *p = NULL;
    RPL_CHECK(planomsorg_plan_read_yaml(&p, rpl_str(path, "path")));
    return rpl_wrap(p, PLN, pln_fin);
}

SEXP C_plan_parse_yaml(SEXP text, SEXP source)
{
    planomsorg_plan *p = NULL;
    if (TYPEOF(text) != RAWSXP)
        Rf_error("'text' must be a raw vector");
    RPL_CHECK(planomsorg_plan_parse_yaml(&p, (const char *)RAW(text), (size_t)XLENGTH(text),
                                         rpl_str(source, "source")));
    return rpl_wrap(p, PLN, pln_fin);
}

/* list(region, base_year, last_year, scenario names, staircase copy) */
SEXP C_plan_info(SEXP plan)
{
    const planomsorg_plan *p = pln(plan);
    int by = 0, ly = 0, n = planomsorg_plan_n_scenarios(p);
    RPL_CHECK(planomsorg_plan_years(&by, &ly, p));
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 5));
    SEXP names = PROTECT(Rf_allocVector(STRSXP, n));
    for (int i = 0; i < n; i++)
        SET_STRING_ELT(names, i,
                       str_or_na(planomsorg_scenario_name(planomsorg_plan_scenario(p, i))));
    planomsorg_staircase *sc = NULL;
    RPL_CHECK(planomsorg_staircase_copy(&sc, planomsorg_plan_staircase(p)));
    SET_VECTOR_ELT(out, 4, rpl_wrap_staircase(sc));
    SET_VECTOR_ELT(out, 0, Rf_ScalarString(str_or_na(planomsorg_plan_region(p))));
    SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(by));
    SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(ly));
    SET_VECTOR_ELT(out, 3, names);
    UNPROTECT(2);
    return out;
}

SEXP C_plan_scenario(SEXP plan, SEXP index)
{
    const planomsorg_scenario *s = planomsorg_plan_scenario(pln(plan), rpl_int(index, "index"));
    if (s == NULL)
        Rf_error("no scenario %d in this plan", rpl_int(index, "index") + 1);
    planomsorg_scenario *c = NULL;
    RPL_CHECK(planomsorg_scenario_copy(&c, s));
    return rpl_wrap(c, SCN, scn_fin);
}

SEXP C_plan_set_region(SEXP plan, SEXP region)
{
    RPL_CHECK(planomsorg_plan_set_region(pln(plan), rpl_str(region, "region")));
    return plan;
}

SEXP C_plan_set_years(SEXP plan, SEXP base_year, SEXP last_year)
{
    RPL_CHECK(planomsorg_plan_set_years(pln(plan), rpl_int(base_year, "base_year"),
                                        rpl_int(last_year, "last_year")));
    return plan;
}

/* WHAT: 0 population, 1 staircase, 2 transitions, 3 staffing, 4 costs, 5 scenario (add).
 * OBJ may be NULL where the library accepts NULL. */
SEXP C_plan_set_object(SEXP plan, SEXP what, SEXP obj)
{
    planomsorg_plan *p = pln(plan);
    int null = Rf_isNull(obj);
    switch (rpl_int(what, "what")) {
    case 0: RPL_CHECK(planomsorg_plan_set_population(p, null ? NULL : rpl_population(obj))); break;
    case 1: RPL_CHECK(planomsorg_plan_set_staircase(p, null ? NULL : rpl_staircase(obj))); break;
    case 2:
        RPL_CHECK(planomsorg_plan_set_transitions(p, null ? NULL
                                                          : rpl_unwrap(obj, "planomsorg_transitions")));
        break;
    case 3: RPL_CHECK(planomsorg_plan_set_staffing(p, null ? NULL : rpl_staffing(obj))); break;
    case 4: RPL_CHECK(planomsorg_plan_set_costs(p, null ? NULL : rpl_costs(obj))); break;
    default: RPL_CHECK(planomsorg_plan_add_scenario(p, null ? NULL : scn(obj))); break;
    }
    return plan;
}

/* The table is borrowed by the plan: keep the R object alive with the plan's pointer. */
SEXP C_plan_set_alignment(SEXP plan, SEXP proj, SEXP region)
{
    planomsorg_plan *p = pln(plan);
    if (Rf_isNull(proj)) {
        RPL_CHECK(planomsorg_plan_set_alignment(p, NULL, NULL));
        R_SetExternalPtrProtected(plan, R_NilValue);
    } else {
        RPL_CHECK(planomsorg_plan_set_alignment(p, ssb(proj), rpl_str(region, "region")));
        R_SetExternalPtrProtected(plan, proj);
    }
    return plan;
}

SEXP C_plan_set_rates(SEXP plan, SEXP rates, SEXP band_lo)
{
    if (!Rf_isInteger(band_lo))
        Rf_error("'band_lo' must be an integer vector");
    RPL_CHECK(planomsorg_plan_set_rates(pln(plan), rpl_dvec(rates, -1, "rates"),
                                        (size_t)XLENGTH(rates), INTEGER(band_lo),
                                        (size_t)XLENGTH(band_lo)));
    return plan;
}

SEXP C_plan_set_rates_kostra(SEXP plan, SEXP year)
{
    RPL_CHECK(planomsorg_plan_set_rates_kostra(pln(plan), rpl_int(year, "year")));
    return plan;
}

SEXP C_plan_set_place_type(SEXP plan, SEXP level, SEXP type)
{
    RPL_CHECK(planomsorg_plan_set_place_type(pln(plan), rpl_int(level, "level"),
                                             rpl_int(type, "type")));
    return plan;
}

/* WHAT: 0 clear, 1 keep NAME. */
SEXP C_plan_scenarios_edit(SEXP plan, SEXP what, SEXP name)
{
    if (rpl_int(what, "what") == 0)
        RPL_CHECK(planomsorg_plan_clear_scenarios(pln(plan)));
    else
        RPL_CHECK(planomsorg_plan_keep_scenario(pln(plan), rpl_str(name, "name")));
    return plan;
}

static void progress_cb(void *user_data, int done, int total)
{
    (void)user_data;
    REprintf("\rplanomsorg: scenario %d of %d done%s", done, total, done == total ? "\n" : "");
}

SEXP C_plan_run(SEXP plan, SEXP progress)
{
    planomsorg_plan_result *r = NULL;
    if (Rf_asLogical(progress) == TRUE)
        RPL_CHECK(planomsorg_plan_run_progress(&r, pln(plan), progress_cb, NULL));
    else
        RPL_CHECK(planomsorg_plan_run(&r, pln(plan)));
    return rpl_wrap(r, PRES, pres_fin);
}

/* ---- plan result */

/* list(region, first, last, scenario names, level names, group names) */
SEXP C_plan_result_info(SEXP res)
{
    const planomsorg_plan_result *r = pres(res);
    int fy = 0, ly = 0, ns = planomsorg_plan_result_n_scenarios(r),
        ng = planomsorg_plan_result_n_groups(r);
    RPL_CHECK(planomsorg_plan_result_years(&fy, &ly, r));
    const planomsorg_staircase *sc = planomsorg_plan_result_staircase(r);
    int nl = planomsorg_staircase_n_levels(sc);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 6));
    SEXP sn = PROTECT(Rf_allocVector(STRSXP, ns));
    for (int i = 0; i < ns; i++)
        SET_STRING_ELT(sn, i, str_or_na(planomsorg_plan_result_scenario_name(r, i)));
    SEXP lnm = PROTECT(Rf_allocVector(STRSXP, nl));
    for (int i = 0; i < nl; i++)
        SET_STRING_ELT(lnm, i, str_or_na(planomsorg_staircase_level_name(sc, i)));
    SEXP gn = PROTECT(Rf_allocVector(STRSXP, ng));
    for (int i = 0; i < ng; i++)
        SET_STRING_ELT(gn, i, str_or_na(planomsorg_plan_result_group_name(r, i)));
    SET_VECTOR_ELT(out, 0, Rf_ScalarString(str_or_na(planomsorg_plan_result_region(r))));
    SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(fy));
    SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(ly));
    SET_VECTOR_ELT(out, 3, sn);
    SET_VECTOR_ELT(out, 4, lnm);
    SET_VECTOR_ELT(out, 5, gn);
    UNPROTECT(4);
    return out;
}

SEXP C_plan_result_find_scenario(SEXP res, SEXP name)
{
    int i = 0;
    RPL_CHECK(planomsorg_plan_result_find_scenario(&i, pres(res), rpl_str(name, "scenario")));
    return Rf_ScalarInteger(i);
}

/* Vectorised over all five index vectors. */
SEXP C_plan_result_get(SEXP res, SEXP scenario, SEXP year, SEXP measure, SEXP level,
                       SEXP group)
{
    const planomsorg_plan_result *r = pres(res);
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_plan_result_get(&REAL(out)[i], r, INTEGER(scenario)[i],
                                             INTEGER(year)[i], INTEGER(measure)[i],
                                             INTEGER(level)[i], INTEGER(group)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_plan_result_band(SEXP res, SEXP year, SEXP measure, SEXP level, SEXP group)
{
    const planomsorg_plan_result *r = pres(res);
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocMatrix(REALSXP, n, 2));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_plan_result_band(&REAL(out)[i], &REAL(out)[n + i], r,
                                              INTEGER(year)[i], rpl_int(measure, "measure"),
                                              rpl_int(level, "level"), rpl_int(group, "group")));
    UNPROTECT(1);
    return out;
}

SEXP C_plan_result_pv(SEXP res, SEXP scenario, SEXP measure, SEXP rate)
{
    double v = 0;
    RPL_CHECK(planomsorg_plan_result_present_value(&v, pres(res), rpl_int(scenario, "scenario"),
                                                   rpl_int(measure, "measure"),
                                                   rpl_dbl(rate, "rate")));
    return Rf_ScalarReal(v);
}

/* The services result of a scenario is borrowed from the plan result: no finalizer,
 * and the plan result is kept alive through the pointer's protected slot. */
SEXP C_plan_result_services(SEXP res, SEXP scenario)
{
    const planomsorg_result *s =
        planomsorg_plan_result_services(pres(res), rpl_int(scenario, "scenario"));
    if (s == NULL)
        Rf_error("no scenario %d in this result", rpl_int(scenario, "scenario") + 1);
    SEXP x = PROTECT(R_MakeExternalPtr((void *)s, Rf_install("planomsorg_result"), res));
    Rf_setAttrib(x, R_ClassSymbol, Rf_mkString("planomsorg_result"));
    Rf_setAttrib(x, Rf_install("borrowed"), Rf_ScalarLogical(TRUE));
    UNPROTECT(1);
    return x;
}

SEXP C_plan_result_write_csv(SEXP res, SEXP path)
{
    RPL_CHECK(planomsorg_plan_result_write_csv(pres(res), rpl_str(path, "path")));
    return R_NilValue;
}

/* ---- ssbproj */

SEXP C_ssbproj_read(SEXP path)
{
    planomsorg_ssbproj *p = NULL;
    RPL_CHECK(planomsorg_ssbproj_read(&p, rpl_str(path, "path")));
    return rpl_wrap(p, SSB, ssb_fin);
}

SEXP C_ssbproj_parse(SEXP text, SEXP source)
{
    planomsorg_ssbproj *p = NULL;
    if (TYPEOF(text) != RAWSXP)
        Rf_error("'text' must be a raw vector");
    RPL_CHECK(planomsorg_ssbproj_parse(&p, (const char *)RAW(text), (size_t)XLENGTH(text),
                                       rpl_str(source, "source")));
    return rpl_wrap(p, SSB, ssb_fin);
}

/* list(round, first_year, n_years, regions, has alternative, age_lo, age_hi, labels) */
SEXP C_ssbproj_info(SEXP proj)
{
    const planomsorg_ssbproj *p = ssb(proj);
    int nr = planomsorg_ssbproj_n_regions(p), ng = planomsorg_ssbproj_n_groups(p);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 8));
    SEXP reg = PROTECT(Rf_allocVector(STRSXP, nr));
    for (int i = 0; i < nr; i++)
        SET_STRING_ELT(reg, i, str_or_na(planomsorg_ssbproj_region(p, i)));
    SEXP has = PROTECT(Rf_allocVector(LGLSXP, PLANOMSORG_SSBPROJ_N_ALTERNATIVES));
    for (int i = 0; i < PLANOMSORG_SSBPROJ_N_ALTERNATIVES; i++)
        LOGICAL(has)[i] = planomsorg_ssbproj_has_alternative(p, i) == 1;
    SEXP lo = PROTECT(Rf_allocVector(INTSXP, ng));
    SEXP hi = PROTECT(Rf_allocVector(INTSXP, ng));
    RPL_CHECK(planomsorg_ssbproj_groups(p, INTEGER(lo), INTEGER(hi), ng));
    SEXP lab = PROTECT(Rf_allocVector(STRSXP, ng));
    for (int g = 0; g < ng; g++) {
        SET_STRING_ELT(lab, g, str_or_na(planomsorg_ssbproj_group_label(p, g)));
        if (INTEGER(hi)[g] == PLANOMSORG_AGE_OPEN)
            INTEGER(hi)[g] = NA_INTEGER;
    }
    SET_VECTOR_ELT(out, 0, Rf_ScalarInteger(planomsorg_ssbproj_round(p)));
    SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(planomsorg_ssbproj_first_year(p)));
    SET_VECTOR_ELT(out, 2, Rf_ScalarInteger(planomsorg_ssbproj_n_years(p)));
    SET_VECTOR_ELT(out, 3, reg);
    SET_VECTOR_ELT(out, 4, has);
    SET_VECTOR_ELT(out, 5, lo);
    SET_VECTOR_ELT(out, 6, hi);
    SET_VECTOR_ELT(out, 7, lab);
    UNPROTECT(6);
    return out;
}

SEXP C_ssbproj_find_region(SEXP proj, SEXP name)
{
    int i = 0;
    RPL_CHECK(planomsorg_ssbproj_find_region(&i, ssb(proj), rpl_str(name, "region")));
    return Rf_ScalarInteger(i);
}

/* Flat [year][group], reshaped in R. */
SEXP C_ssbproj_table(SEXP proj, SEXP region, SEXP alt)
{
    const planomsorg_ssbproj *p = ssb(proj);
    size_t n = (size_t)planomsorg_ssbproj_n_years(p) * (size_t)planomsorg_ssbproj_n_groups(p);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    RPL_CHECK(planomsorg_ssbproj_table(p, rpl_str(region, "region"), rpl_int(alt, "alternative"),
                                       REAL(out), n));
    UNPROTECT(1);
    return out;
}

SEXP C_ssbproj_band(SEXP proj, SEXP region, SEXP alt, SEXP year, SEXP lo, SEXP hi)
{
    const planomsorg_ssbproj *p = ssb(proj);
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_ssbproj_band(p, rpl_str(region, "region"),
                                          rpl_int(alt, "alternative"), INTEGER(year)[i],
                                          rpl_int(lo, "age_lo"), rpl_int(hi, "age_hi"),
                                          &REAL(out)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_ssbproj_alternative_parse(SEXP text)
{
    int a = 0;
    RPL_CHECK(planomsorg_ssbproj_alternative_parse(&a, rpl_str(text, "alternative")));
    return Rf_ScalarInteger(a);
}

/* ---- align: reports become list(years, groups x years matrices, sex matrices, iterations) */

static SEXP report_to_list(planomsorg_align_report *rep)
{
    int fy = planomsorg_align_report_first_year(rep), ny = planomsorg_align_report_n_years(rep),
        ng = planomsorg_align_report_n_groups(rep);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 7));
    SEXP before = PROTECT(Rf_allocMatrix(REALSXP, ng, ny));
    SEXP after = PROTECT(Rf_allocMatrix(REALSXP, ng, ny));
    SEXP factor = PROTECT(Rf_allocMatrix(REALSXP, ng, ny));
    SEXP sb = PROTECT(Rf_allocMatrix(REALSXP, 2, ny));
    SEXP sa = PROTECT(Rf_allocMatrix(REALSXP, 2, ny));
    int rc = PLANOMSORG_OK;
    for (int y = 0; y < ny && rc == PLANOMSORG_OK; y++) {
        for (int g = 0; g < ng && rc == PLANOMSORG_OK; g++) {
            size_t i = (size_t)y * ng + g;
            rc = planomsorg_align_report_group(rep, fy + y, g, &REAL(before)[i], &REAL(after)[i],
                                               &REAL(factor)[i]);
        }
        for (int s = 0; s < 2 && rc == PLANOMSORG_OK; s++)
            rc = planomsorg_align_report_sex(rep, fy + y, s, &REAL(sb)[(size_t)y * 2 + s],
                                             &REAL(sa)[(size_t)y * 2 + s]);
    }
    int iter = planomsorg_align_report_iterations(rep);
    planomsorg_align_report_free(rep);
    if (rc != PLANOMSORG_OK)
        rpl_raise(rc);
    SET_VECTOR_ELT(out, 0, Rf_ScalarInteger(fy));
    SET_VECTOR_ELT(out, 1, before);
    SET_VECTOR_ELT(out, 2, after);
    SET_VECTOR_ELT(out, 3, factor);
    SET_VECTOR_ELT(out, 4, sb);
    SET_VECTOR_ELT(out, 5, sa);
    SET_VECTOR_ELT(out, 6, Rf_ScalarInteger(iter));
    UNPROTECT(6);
    return out;
}

SEXP C_ssbproj_align(SEXP pop, SEXP proj, SEXP region, SEXP alt)
{
    planomsorg_align_report *rep = NULL;
    RPL_CHECK(planomsorg_ssbproj_align(&rep, rpl_population(pop), ssb(proj),
                                       rpl_str(region, "region"), rpl_int(alt, "alternative")));
    return report_to_list(rep);
}

/* TARGETS [year][group] and SEX_TARGETS [year][sex] (transposed in R); SEX_TARGETS NULL:
 * align_groups, else align_groups_sex. */
SEXP C_align_groups(SEXP pop, SEXP first_year, SEXP n_years, SEXP lo, SEXP hi, SEXP targets,
                    SEXP sex_targets, SEXP tol, SEXP max_iter)
{
    planomsorg_align_report *rep = NULL;
    int ng = Rf_length(lo);
    if (!Rf_isInteger(lo) || !Rf_isInteger(hi) || Rf_length(hi) != ng)
        Rf_error("'age_lo' and 'age_hi' must be integer vectors of the same length");
    int ny = rpl_int(n_years, "n_years");
    const double *t = rpl_dvec(targets, (R_xlen_t)ny * ng, "targets");
    if (Rf_isNull(sex_targets))
        RPL_CHECK(planomsorg_align_groups(&rep, rpl_population(pop),
                                          rpl_int(first_year, "first_year"), ny, ng,
                                          INTEGER(lo), INTEGER(hi), t));
    else
        RPL_CHECK(planomsorg_align_groups_sex(
            &rep, rpl_population(pop), rpl_int(first_year, "first_year"), ny, ng, INTEGER(lo),
            INTEGER(hi), t, rpl_dvec(sex_targets, (R_xlen_t)ny * 2, "sex_targets"),
            rpl_dbl(tol, "tolerance"), rpl_int(max_iter, "max_iter")));
    return report_to_list(rep);
}
