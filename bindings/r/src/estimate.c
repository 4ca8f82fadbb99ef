/* estimate.h and montecarlo.h. Level indices are 0-based here. Matrices are
 * transposed between the library's row-major layout and R's column-major one. */
#include "rpl.h"

#define EST "planomsorg_estimate"
#define MC "planomsorg_mc"

static void est_fin(SEXP x)
{
    planomsorg_estimate_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}
static void mc_fin(SEXP x)
{
    planomsorg_mc_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}

static planomsorg_estimate *est(SEXP x)
{
    return rpl_unwrap(x, EST);
}
static planomsorg_mc *mcx(SEXP x)
{
    return rpl_unwrap(x, MC);
}

static const int *ivec(SEXP x, const char *what)
{
    if (!Rf_isInteger(x))
        Rf_error("'%s' must be an integer vector", what);
    return INTEGER(x);
}

/* Row-major R x C block SRC into a new R matrix. */
static SEXP rowmajor_matrix(const double *src, int rows, int cols)
{
    SEXP out = PROTECT(Rf_allocMatrix(REALSXP, rows, cols));
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++)
            REAL(out)[(size_t)j * rows + i] = src[(size_t)i * cols + j];
    UNPROTECT(1);
    return out;
}

/* ---- estimate */

SEXP C_estimate_new(SEXP n_levels, SEXP band_lo)
{
    planomsorg_estimate *e = NULL;
    RPL_CHECK(planomsorg_estimate_new(&e, rpl_int(n_levels, "n_levels"), ivec(band_lo, "band_lo"),
                                      (size_t)XLENGTH(band_lo)));
    return rpl_wrap(e, EST, est_fin);
}

SEXP C_estimate_copy(SEXP e)
{
    planomsorg_estimate *c = NULL;
    RPL_CHECK(planomsorg_estimate_copy(&c, est(e)));
    return rpl_wrap(c, EST, est_fin);
}

/* Vectorised over all index vectors. */
SEXP C_estimate_add(SEXP e, SEXP age, SEXP sex, SEXP from, SEXP to, SEXP weight)
{
    planomsorg_estimate *x = est(e);
    R_xlen_t n = XLENGTH(age);
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_estimate_add(x, INTEGER(age)[i], INTEGER(sex)[i], INTEGER(from)[i],
                                          INTEGER(to)[i], REAL(weight)[i]));
    return e;
}

SEXP C_estimate_read_panel(SEXP path, SEXP text, SEXP source, SEXP sc, SEXP band_lo,
                           SEXP flags)
{
    planomsorg_estimate *e = NULL;
    unsigned f = (unsigned)rpl_int(flags, "flags");
    if (!Rf_isNull(path))
        RPL_CHECK(planomsorg_estimate_read_panel_csv(&e, rpl_str(path, "path"), rpl_staircase(sc),
                                                     ivec(band_lo, "band_lo"),
                                                     (size_t)XLENGTH(band_lo), f));
    else {
        if (TYPEOF(text) != RAWSXP)
            Rf_error("'text' must be a raw vector");
        RPL_CHECK(planomsorg_estimate_parse_panel_csv(
            &e, (const char *)RAW(text), (size_t)XLENGTH(text), rpl_str(source, "source"),
            rpl_staircase(sc), ivec(band_lo, "band_lo"), (size_t)XLENGTH(band_lo), f));
    }
    return rpl_wrap(e, EST, est_fin);
}

/* list(n_levels, band_lo, rows, persons, transitions, issue lines, kinds, messages) */
SEXP C_estimate_info(SEXP e)
{
    const planomsorg_estimate *x = est(e);
    int nb = planomsorg_estimate_n_bands(x);
    size_t rows = 0, persons = 0, ni = planomsorg_estimate_n_issues(x);
    double tr = 0;
    RPL_CHECK(planomsorg_estimate_panel_size(&rows, &persons, &tr, x));
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 8));
    SEXP lo = PROTECT(Rf_allocVector(INTSXP, nb));
    for (int b = 0; b < nb; b++)
        RPL_CHECK(planomsorg_estimate_band_lo(&INTEGER(lo)[b], x, b));
    SEXP lines = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)ni));
    SEXP kinds = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)ni));
    SEXP msgs = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)ni));
    for (size_t i = 0; i < ni; i++) {
        size_t line = 0;
        int kind = 0;
        const char *msg = NULL;
        RPL_CHECK(planomsorg_estimate_issue(&line, &kind, &msg, x, i));
        REAL(lines)[i] = (double)line;
        SET_STRING_ELT(kinds, i, Rf_mkChar(planomsorg_panel_issue_name(kind)));
        SET_STRING_ELT(msgs, i, Rf_mkCharCE(msg, CE_UTF8));
    }
    SET_VECTOR_ELT(out, 0, Rf_ScalarInteger(planomsorg_estimate_n_levels(x)));
    SET_VECTOR_ELT(out, 1, lo);
    SET_VECTOR_ELT(out, 2, Rf_ScalarReal((double)rows));
    SET_VECTOR_ELT(out, 3, Rf_ScalarReal((double)persons));
    SET_VECTOR_ELT(out, 4, Rf_ScalarReal(tr));
    SET_VECTOR_ELT(out, 5, lines);
    SET_VECTOR_ELT(out, 6, kinds);
    SET_VECTOR_ELT(out, 7, msgs);
    UNPROTECT(5);
    return out;
}

SEXP C_estimate_set_prior(SEXP e, SEXP kind, SEXP weight)
{
    RPL_CHECK(planomsorg_estimate_set_prior(est(e), rpl_int(kind, "kind"),
                                            rpl_dbl(weight, "weight")));
    return e;
}

SEXP C_estimate_set_pooling(SEXP e, SEXP min_count)
{
    RPL_CHECK(planomsorg_estimate_set_pooling(est(e), rpl_dbl(min_count, "min_count")));
    return e;
}

/* Counts K x (K+1) (deaths last) as an R matrix. */
SEXP C_estimate_counts(SEXP e, SEXP band, SEXP sex, SEXP pooled)
{
    const planomsorg_estimate *x = est(e);
    int k = planomsorg_estimate_n_levels(x);
    double *buf = (double *)R_alloc((size_t)k * (k + 1), sizeof(double));
    RPL_CHECK(planomsorg_estimate_counts(buf, (size_t)k * (k + 1), x, rpl_int(band, "band"),
                                         rpl_int(sex, "sex"), Rf_asLogical(pooled) == TRUE));
    return rowmajor_matrix(buf, k, k + 1);
}

/* list(matrix, se) as R matrices K x K. */
SEXP C_estimate_matrix(SEXP e, SEXP method, SEXP band, SEXP sex)
{
    const planomsorg_estimate *x = est(e);
    int k = planomsorg_estimate_n_levels(x);
    double *m = (double *)R_alloc((size_t)k * k, sizeof(double));
    double *se = (double *)R_alloc((size_t)k * k, sizeof(double));
    RPL_CHECK(planomsorg_estimate_matrix(m, se, (size_t)k * k, x, rpl_int(method, "method"),
                                         rpl_int(band, "band"), rpl_int(sex, "sex")));
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(out, 0, rowmajor_matrix(m, k, k));
    SET_VECTOR_ELT(out, 1, rowmajor_matrix(se, k, k));
    UNPROTECT(1);
    return out;
}

SEXP C_estimate_mortality(SEXP e)
{
    const planomsorg_estimate *x = est(e);
    int k = planomsorg_estimate_n_levels(x);
    SEXP out = PROTECT(Rf_allocMatrix(REALSXP, k, 2));
    RPL_CHECK(planomsorg_estimate_mortality(REAL(out), REAL(out) + k, (size_t)k, x));
    UNPROTECT(1);
    return out;
}

SEXP C_estimate_transitions(SEXP e, SEXP method)
{
    planomsorg_transitions *t = NULL;
    RPL_CHECK(planomsorg_estimate_transitions(&t, est(e), rpl_int(method, "method")));
    return rpl_wrap_transitions(t);
}

SEXP C_panel_simulate_csv(SEXP path, SEXP tr, SEXP sc, SEXP q, SEXP initial, SEXP n_persons,
                          SEXP age_lo, SEXP age_hi, SEXP first_year, SEXP n_years, SEXP seed)
{
    RPL_CHECK(planomsorg_panel_simulate_csv(
        rpl_str(path, "path"), rpl_unwrap(tr, "planomsorg_transitions"), rpl_staircase(sc),
        rpl_dvec(q, -1, "q"), (size_t)XLENGTH(q), rpl_dvec(initial, -1, "initial"),
        (size_t)XLENGTH(initial), (long)rpl_dbl(n_persons, "n_persons"),
        rpl_int(age_lo, "age_lo"), rpl_int(age_hi, "age_hi"), rpl_int(first_year, "first_year"),
        rpl_int(n_years, "n_years"), (unsigned long)rpl_dbl(seed, "seed")));
    return R_NilValue;
}

/* START [band][sex][level] and TARGET [band][level] in the library's layout (R permutes). */
SEXP C_estimate_calibrate(SEXP tr, SEXP start, SEXP target, SEXP target_band_lo, SEXP year,
                          SEXP max_iter, SEXP tol)
{
    planomsorg_transitions *t = NULL;
    SEXP fit = PROTECT(Rf_allocVector(REALSXP, PLANOMSORG_CALIB_N_FIT));
    RPL_CHECK(planomsorg_estimate_calibrate(
        &t, REAL(fit), PLANOMSORG_CALIB_N_FIT, rpl_unwrap(tr, "planomsorg_transitions"),
        rpl_dvec(start, -1, "start"), (size_t)XLENGTH(start), rpl_dvec(target, -1, "target"),
        (size_t)XLENGTH(target), ivec(target_band_lo, "target_band_lo"),
        (size_t)XLENGTH(target_band_lo), rpl_int(year, "year"), rpl_int(max_iter, "max_iter"),
        rpl_dbl(tol, "tol")));
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(out, 0, rpl_wrap_transitions(t));
    SET_VECTOR_ELT(out, 1, fit);
    UNPROTECT(2);
    return out;
}

SEXP C_estimate_constants(void)
{
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 9));
    SEXP pf = PROTECT(Rf_allocVector(STRSXP, 1));
    SET_STRING_ELT(pf, 0, Rf_mkChar(planomsorg_panel_flag_name(PLANOMSORG_PANEL_SKIP_BAD)));
    SEXP cf = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_CALIB_N_FIT));
    for (int i = 0; i < PLANOMSORG_CALIB_N_FIT; i++)
        SET_STRING_ELT(cf, i, Rf_mkChar(planomsorg_calib_fit_name(i)));
    SEXP nf = PROTECT(Rf_allocVector(STRSXP, 2));
    SET_STRING_ELT(nf, 0, Rf_mkChar(planomsorg_mc_noise_name(PLANOMSORG_MC_NOISE_POPULATION)));
    SET_STRING_ELT(nf, 1, Rf_mkChar(planomsorg_mc_noise_name(PLANOMSORG_MC_NOISE_USERS)));
    SET_VECTOR_ELT(out, 6, pf);
    SET_VECTOR_ELT(out, 7, cf);
    SET_VECTOR_ELT(out, 8, nf);
    SEXP is = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_PANEL_ISSUES));
    for (int i = 0; i < PLANOMSORG_N_PANEL_ISSUES; i++)
        SET_STRING_ELT(is, i, Rf_mkChar(planomsorg_panel_issue_name(i)));
    SEXP me = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_ESTIMATE_METHODS));
    for (int i = 0; i < PLANOMSORG_N_ESTIMATE_METHODS; i++)
        SET_STRING_ELT(me, i, Rf_mkChar(planomsorg_estimate_method_name(i)));
    SEXP pr = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_PRIORS));
    for (int i = 0; i < PLANOMSORG_N_PRIORS; i++)
        SET_STRING_ELT(pr, i, Rf_mkChar(planomsorg_prior_name(i)));
    SEXP di = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_DISTS));
    for (int i = 0; i < PLANOMSORG_N_DISTS; i++) {
        int code = -1;
        RPL_CHECK(planomsorg_dist_find(&code, planomsorg_dist_name(i)));
        SET_STRING_ELT(di, i, Rf_mkChar(planomsorg_dist_name(code)));
    }
    SEXP mm = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_MC_N_MEASURES));
    for (int i = 0; i < PLANOMSORG_MC_N_MEASURES; i++)
        SET_STRING_ELT(mm, i, Rf_mkChar(planomsorg_mc_measure_name(i)));
    SEXP lim = PROTECT(Rf_allocVector(REALSXP, 4));
    REAL(lim)[0] = PLANOMSORG_LEVEL_DEATH;
    REAL(lim)[1] = PLANOMSORG_MC_MAX_DRAWS;
    REAL(lim)[2] = PLANOMSORG_MC_MAX_THREADS;
    REAL(lim)[3] = PLANOMSORG_PANEL_SKIP_BAD;
    SET_VECTOR_ELT(out, 0, is);
    SET_VECTOR_ELT(out, 1, me);
    SET_VECTOR_ELT(out, 2, pr);
    SET_VECTOR_ELT(out, 3, di);
    SET_VECTOR_ELT(out, 4, mm);
    SET_VECTOR_ELT(out, 5, lim);
    UNPROTECT(10);
    return out;
}

/* ---- Monte Carlo */

/* The services object or plan is borrowed by the library: keep it alive through the
 * pointer's protected slot. */
SEXP C_mc_new(SEXP svc, SEXP pop, SEXP first_year, SEXP last_year)
{
    planomsorg_mc *m = NULL;
    RPL_CHECK(planomsorg_mc_new(&m, rpl_services(svc), rpl_population(pop),
                                rpl_int(first_year, "first_year"),
                                rpl_int(last_year, "last_year")));
    SEXP x = PROTECT(rpl_wrap(m, MC, mc_fin));
    R_SetExternalPtrProtected(x, svc);
    UNPROTECT(1);
    return x;
}

SEXP C_mc_new_plan(SEXP plan, SEXP scenario)
{
    planomsorg_mc *m = NULL;
    RPL_CHECK(planomsorg_mc_new_plan(&m, rpl_unwrap(plan, "planomsorg_plan"),
                                     rpl_int(scenario, "scenario")));
    SEXP x = PROTECT(rpl_wrap(m, MC, mc_fin));
    R_SetExternalPtrProtected(x, plan);
    UNPROTECT(1);
    return x;
}

SEXP C_mc_set_lever(SEXP mc, SEXP lever, SEXP dist, SEXP params)
{
    RPL_CHECK(planomsorg_mc_set_lever(mcx(mc), rpl_int(lever, "lever"), rpl_int(dist, "dist"),
                                      rpl_dvec(params, -1, "params"), (size_t)XLENGTH(params)));
    return mc;
}

SEXP C_mc_set_estimate(SEXP mc, SEXP e)
{
    RPL_CHECK(planomsorg_mc_set_estimate(mcx(mc), Rf_isNull(e) ? NULL : est(e)));
    return mc;
}

SEXP C_mc_set_noise(SEXP mc, SEXP flags)
{
    RPL_CHECK(planomsorg_mc_set_noise(mcx(mc), (unsigned)rpl_int(flags, "flags")));
    return mc;
}

SEXP C_mc_set_bands(SEXP mc, SEXP band_lo)
{
    RPL_CHECK(planomsorg_mc_set_bands(mcx(mc), ivec(band_lo, "band_lo"),
                                      (size_t)XLENGTH(band_lo)));
    return mc;
}

SEXP C_mc_run(SEXP mc, SEXP n_draws, SEXP seed, SEXP n_threads)
{
    RPL_CHECK(planomsorg_mc_run(mcx(mc), rpl_int(n_draws, "n_draws"),
                                (unsigned long)rpl_dbl(seed, "seed"),
                                rpl_int(n_threads, "n_threads")));
    return mc;
}

SEXP C_mc_info(SEXP mc)
{
    SEXP out = PROTECT(Rf_allocVector(INTSXP, 2));
    INTEGER(out)[0] = planomsorg_mc_n_draws(mcx(mc));
    INTEGER(out)[1] = planomsorg_mc_n_bands(mcx(mc));
    UNPROTECT(1);
    return out;
}

/* Services mode. WHAT: 0 draws (vector), 1 quantile PROB, 2 mean and sd. */
SEXP C_mc_get(SEXP mc, SEXP what, SEXP prob, SEXP measure, SEXP year, SEXP level, SEXP band)
{
    const planomsorg_mc *m = mcx(mc);
    int w = rpl_int(what, "what"), q = rpl_int(measure, "measure"), y = rpl_int(year, "year"),
        l = rpl_int(level, "level"), b = rpl_int(band, "band");
    if (w == 0) {
        int n = planomsorg_mc_n_draws(m);
        SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
        RPL_CHECK(planomsorg_mc_draws(REAL(out), (size_t)n, m, q, y, l, b));
        UNPROTECT(1);
        return out;
    }
    SEXP out = PROTECT(Rf_allocVector(REALSXP, 2));
    if (w == 1) {
        RPL_CHECK(planomsorg_mc_quantile(REAL(out), m, rpl_dbl(prob, "prob"), q, y, l, b));
        REAL(out)[1] = NA_REAL;
    } else {
        RPL_CHECK(planomsorg_mc_mean(REAL(out), REAL(out) + 1, m, q, y, l, b));
    }
    UNPROTECT(1);
    return out;
}

/* Plan mode. WHAT: 0 draws, 1 quantile PROB, 2 central, mean and sd. */
SEXP C_mc_plan_get(SEXP mc, SEXP what, SEXP prob, SEXP year, SEXP measure, SEXP level,
                   SEXP group)
{
    const planomsorg_mc *m = mcx(mc);
    int w = rpl_int(what, "what"), y = rpl_int(year, "year"), q = rpl_int(measure, "measure"),
        l = rpl_int(level, "level"), g = rpl_int(group, "group");
    if (w == 0) {
        int n = planomsorg_mc_n_draws(m);
        SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
        RPL_CHECK(planomsorg_mc_plan_draws(REAL(out), (size_t)n, m, y, q, l, g));
        UNPROTECT(1);
        return out;
    }
    SEXP out = PROTECT(Rf_allocVector(REALSXP, 3));
    if (w == 1) {
        RPL_CHECK(planomsorg_mc_plan_quantile(REAL(out), m, rpl_dbl(prob, "prob"), y, q, l, g));
        REAL(out)[1] = REAL(out)[2] = NA_REAL;
    } else {
        RPL_CHECK(planomsorg_mc_plan_summary(REAL(out), REAL(out) + 1, REAL(out) + 2, m, y, q, l,
                                             g));
    }
    UNPROTECT(1);
    return out;
}

SEXP C_mc_write_csv(SEXP mc, SEXP path, SEXP probs)
{
    int has = !Rf_isNull(probs);
    RPL_CHECK(planomsorg_mc_write_csv(mcx(mc), rpl_str(path, "path"),
                                      has ? rpl_dvec(probs, -1, "probs") : NULL,
                                      has ? (size_t)XLENGTH(probs) : 0));
    return R_NilValue;
}

SEXP C_dist_sample(SEXP n, SEXP dist, SEXP params, SEXP seed)
{
    int k = rpl_int(n, "n");
    SEXP out = PROTECT(Rf_allocVector(REALSXP, k > 0 ? k : 0));
    RPL_CHECK(planomsorg_dist_sample(REAL(out), (size_t)(k > 0 ? k : 0), rpl_int(dist, "dist"),
                                     rpl_dvec(params, -1, "params"), (size_t)XLENGTH(params),
                                     (unsigned long)rpl_dbl(seed, "seed")));
    UNPROTECT(1);
    return out;
}
