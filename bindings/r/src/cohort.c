/* cohort.h: generic Markov cohort model. R matrices are column-major, the
 * library's row-major: every matrix is transposed on the way in and out. */
#include "rpl.h"

#define COH "planomsorg_cohort"
#define CRES "planomsorg_cohort_result"

static void coh_fin(SEXP x)
{
    planomsorg_cohort_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}

static void cres_fin(SEXP x)
{
    planomsorg_cohort_result_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}

SEXP C_cohort_new(SEXP states, SEXP n_cycles)
{
    if (!Rf_isString(states))
        Rf_error("'states' must be a character vector");
    int n = Rf_length(states);
    const char **names = (const char **)R_alloc(n > 0 ? (size_t)n : 1, sizeof(char *));
    for (int i = 0; i < n; i++)
        names[i] = STRING_ELT(states, i) == NA_STRING ? ""
                                                      : Rf_translateCharUTF8(STRING_ELT(states, i));
    planomsorg_cohort *m = NULL;
    RPL_CHECK(planomsorg_cohort_new(&m, n, names, rpl_int(n_cycles, "n_cycles")));
    return rpl_wrap(m, COH, coh_fin);
}

SEXP C_cohort_read_csv(SEXP transitions, SEXP initial, SEXP values, SEXP n_cycles)
{
    planomsorg_cohort *m = NULL;
    RPL_CHECK(planomsorg_cohort_read_csv(&m, rpl_str(transitions, "transitions"),
                                         rpl_str(initial, "initial"), rpl_str(values, "values"),
                                         rpl_int(n_cycles, "n_cycles")));
    return rpl_wrap(m, COH, coh_fin);
}

SEXP C_cohort_info(SEXP model)
{
    const planomsorg_cohort *m = rpl_unwrap(model, COH);
    int n = planomsorg_cohort_n_states(m);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
    SEXP names = PROTECT(Rf_allocVector(STRSXP, n));
    for (int i = 0; i < n; i++)
        SET_STRING_ELT(names, i, Rf_mkCharCE(planomsorg_cohort_state_name(m, i), CE_UTF8));
    SET_VECTOR_ELT(out, 0, names);
    SET_VECTOR_ELT(out, 1, Rf_ScalarInteger(planomsorg_cohort_n_cycles(m)));
    UNPROTECT(2);
    return out;
}

SEXP C_cohort_state_index(SEXP model, SEXP name)
{
    int idx = 0;
    RPL_CHECK(planomsorg_cohort_state_index(&idx, rpl_unwrap(model, COH), rpl_str(name, "name")));
    return Rf_ScalarInteger(idx);
}

SEXP C_cohort_set_matrix(SEXP model, SEXP cycle, SEXP p)
{
    planomsorg_cohort *m = rpl_unwrap(model, COH);
    int n = planomsorg_cohort_n_states(m);
    const double *src = rpl_dvec(p, (R_xlen_t)n * n, "p");
    double *rm = (double *)R_alloc((size_t)n * n, sizeof(double));
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            rm[(size_t)i * n + j] = src[(size_t)j * n + i];
    RPL_CHECK(planomsorg_cohort_set_matrix(m, rpl_int(cycle, "cycle"), rm));
    return model;
}

SEXP C_cohort_set_initial(SEXP model, SEXP share)
{
    planomsorg_cohort *m = rpl_unwrap(model, COH);
    RPL_CHECK(planomsorg_cohort_set_initial(
        m, rpl_dvec(share, planomsorg_cohort_n_states(m), "share")));
    return model;
}

SEXP C_cohort_set_values(SEXP model, SEXP cycle, SEXP values)
{
    planomsorg_cohort *m = rpl_unwrap(model, COH);
    RPL_CHECK(planomsorg_cohort_set_values(m, rpl_int(cycle, "cycle"),
                                           rpl_dvec(values, planomsorg_cohort_n_states(m),
                                                    "values")));
    return model;
}

SEXP C_cohort_set_discount(SEXP model, SEXP rate)
{
    RPL_CHECK(planomsorg_cohort_set_discount(rpl_unwrap(model, COH), rpl_dbl(rate, "rate")));
    return model;
}

SEXP C_cohort_set_half_cycle(SEXP model, SEXP on)
{
    RPL_CHECK(planomsorg_cohort_set_half_cycle(rpl_unwrap(model, COH), Rf_asLogical(on) == TRUE));
    return model;
}

SEXP C_cohort_run(SEXP model)
{
    planomsorg_cohort_result *r = NULL;
    RPL_CHECK(planomsorg_cohort_run(&r, rpl_unwrap(model, COH)));
    return rpl_wrap(r, CRES, cres_fin);
}

/* The trace as an R matrix (n_cycles + 1) x n_states. */
SEXP C_cohort_trace(SEXP result)
{
    const planomsorg_cohort_result *r = rpl_unwrap(result, CRES);
    int nc = planomsorg_cohort_result_n_cycles(r) + 1, ns = planomsorg_cohort_result_n_states(r);
    const double *t = planomsorg_cohort_result_trace(r);
    SEXP out = PROTECT(Rf_allocMatrix(REALSXP, nc, ns));
    for (int i = 0; i < nc; i++)
        for (int j = 0; j < ns; j++)
            REAL(out)[(size_t)j * nc + i] = t[(size_t)i * ns + j];
    UNPROTECT(1);
    return out;
}

/* Per-cycle contributions: matrix n_cycles x N_MEASURES; totals: vector. */
SEXP C_cohort_measures(SEXP result)
{
    const planomsorg_cohort_result *r = rpl_unwrap(result, CRES);
    int nc = planomsorg_cohort_result_n_cycles(r);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 4));
    SEXP cyc = PROTECT(Rf_allocMatrix(REALSXP, nc, PLANOMSORG_COHORT_N_MEASURES));
    SEXP tot = PROTECT(Rf_allocVector(REALSXP, PLANOMSORG_COHORT_N_MEASURES));
    SEXP names = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_COHORT_N_MEASURES));
    for (int k = 0; k < PLANOMSORG_COHORT_N_MEASURES; k++) {
        for (int t = 1; t <= nc; t++)
            RPL_CHECK(planomsorg_cohort_result_cycle(&REAL(cyc)[(size_t)k * nc + t - 1], r, k, t));
        RPL_CHECK(planomsorg_cohort_result_total(&REAL(tot)[k], r, k));
        SET_STRING_ELT(names, k, Rf_mkChar(planomsorg_cohort_measure_name(k)));
    }
    int ns = planomsorg_cohort_result_n_states(r);
    SEXP abs = PROTECT(Rf_allocVector(LGLSXP, ns));
    for (int s = 0; s < ns; s++)
        RPL_CHECK(planomsorg_cohort_result_absorbing(&LOGICAL(abs)[s], r, s));
    SET_VECTOR_ELT(out, 0, cyc);
    SET_VECTOR_ELT(out, 1, tot);
    SET_VECTOR_ELT(out, 2, names);
    SET_VECTOR_ELT(out, 3, abs);
    UNPROTECT(5);
    return out;
}

/* Error paths of the result queries, for completeness of the binding. */
SEXP C_cohort_result_cycle(SEXP result, SEXP measure, SEXP cycle)
{
    double v = 0;
    RPL_CHECK(planomsorg_cohort_result_cycle(&v, rpl_unwrap(result, CRES),
                                             rpl_int(measure, "measure"), rpl_int(cycle, "cycle")));
    return Rf_ScalarReal(v);
}
