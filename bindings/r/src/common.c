#include "rpl.h"

#include <string.h>

void rpl_raise(int code)
{
    /* Copy the thread-local message before anything else can overwrite it. */
    SEXP msg = PROTECT(Rf_ScalarString(Rf_mkCharCE(planomsorg_error_last(), CE_UTF8)));
    SEXP name = PROTECT(Rf_mkString(planomsorg_strerror(code)));
    SEXP pkg = PROTECT(Rf_mkString("planomsorg"));
    SEXP ns = PROTECT(R_FindNamespace(pkg));
    SEXP scode = PROTECT(Rf_ScalarInteger(code));
    SEXP call = PROTECT(Rf_lang4(Rf_install(".pl_raise"), scode, name, msg));
    Rf_eval(call, ns);
    UNPROTECT(6);
    Rf_error("%s", planomsorg_error_last()); /* not reached */
}

static SEXP tag_of(const char *cls)
{
    return Rf_install(cls);
}

SEXP rpl_wrap(void *ptr, const char *cls, R_CFinalizer_t fin)
{
    SEXP x = PROTECT(R_MakeExternalPtr(ptr, tag_of(cls), R_NilValue));
    R_RegisterCFinalizerEx(x, fin, TRUE);
    Rf_setAttrib(x, R_ClassSymbol, Rf_mkString(cls));
    UNPROTECT(1);
    return x;
}

void *rpl_unwrap(SEXP x, const char *cls)
{
    if (TYPEOF(x) != EXTPTRSXP || R_ExternalPtrTag(x) != tag_of(cls))
        Rf_error("expected a %s object", cls);
    void *p = R_ExternalPtrAddr(x);
    if (p == NULL)
        Rf_error("this %s object is no longer valid (freed, or restored from a saved session)",
                 cls);
    return p;
}

int rpl_int(SEXP x, const char *what)
{
    if (Rf_length(x) != 1)
        Rf_error("'%s' must be a single number", what);
    int v = Rf_asInteger(x);
    if (v == NA_INTEGER)
        Rf_error("'%s' must not be NA", what);
    return v;
}

double rpl_dbl(SEXP x, const char *what)
{
    if (Rf_length(x) != 1 || !(Rf_isReal(x) || Rf_isInteger(x) || Rf_isLogical(x)))
        Rf_error("'%s' must be a single number", what);
    return Rf_asReal(x);
}

const char *rpl_str(SEXP x, const char *what)
{
    if (Rf_isNull(x))
        return NULL;
    if (!Rf_isString(x) || Rf_length(x) != 1)
        Rf_error("'%s' must be a single string or NULL", what);
    if (STRING_ELT(x, 0) == NA_STRING)
        return NULL;
    return Rf_translateCharUTF8(STRING_ELT(x, 0));
}

const double *rpl_dvec(SEXP x, R_xlen_t n, const char *what)
{
    if (!Rf_isReal(x))
        Rf_error("'%s' must be a double vector", what);
    if (n >= 0 && XLENGTH(x) != n)
        Rf_error("'%s' must have %ld elements, not %ld", what, (long)n, (long)XLENGTH(x));
    return REAL(x);
}

SEXP rpl_string_or_na(const char *s)
{
    return s ? Rf_mkString(s) : Rf_ScalarString(NA_STRING);
}

/* Frees any handle now instead of at garbage collection. A borrowed handle (a view
 * into another object) is only detached. Freeing twice is harmless. */
typedef void (*free_fn)(void *);

/* One wrapper per type, so that each free function is called through its own type. */
#define FREE_WRAPPER(T)                                                                  \
    static void free_##T(void *p)                                                        \
    {                                                                                    \
        planomsorg_##T##_free((planomsorg_##T *)p);                                      \
    }
FREE_WRAPPER(population)
FREE_WRAPPER(demography)
FREE_WRAPPER(components)
FREE_WRAPPER(cohort)
FREE_WRAPPER(cohort_result)
FREE_WRAPPER(staircase)
FREE_WRAPPER(transitions)
FREE_WRAPPER(services)
FREE_WRAPPER(result)
FREE_WRAPPER(staffing)
FREE_WRAPPER(staffing_result)
FREE_WRAPPER(costs)
FREE_WRAPPER(costs_result)
FREE_WRAPPER(scenario)
FREE_WRAPPER(plan)
FREE_WRAPPER(plan_result)
FREE_WRAPPER(ssbproj)
FREE_WRAPPER(estimate)
FREE_WRAPPER(mc)
#undef FREE_WRAPPER

static const struct {
    const char *cls;
    free_fn fn;
} free_table[] = {
    {"planomsorg_population", free_population},
    {"planomsorg_demography", free_demography},
    {"planomsorg_components", free_components},
    {"planomsorg_cohort", free_cohort},
    {"planomsorg_cohort_result", free_cohort_result},
    {"planomsorg_staircase", free_staircase},
    {"planomsorg_transitions", free_transitions},
    {"planomsorg_services", free_services},
    {"planomsorg_result", free_result},
    {"planomsorg_staffing", free_staffing},
    {"planomsorg_staffing_result", free_staffing_result},
    {"planomsorg_costs", free_costs},
    {"planomsorg_costs_result", free_costs_result},
    {"planomsorg_scenario", free_scenario},
    {"planomsorg_plan", free_plan},
    {"planomsorg_plan_result", free_plan_result},
    {"planomsorg_ssbproj", free_ssbproj},
    {"planomsorg_estimate", free_estimate},
    {"planomsorg_mc", free_mc},
};

SEXP C_handle_free(SEXP x)
{
    if (TYPEOF(x) != EXTPTRSXP)
        Rf_error("expected a planomsorg object");
    SEXP tag = R_ExternalPtrTag(x);
    if (Rf_getAttrib(x, Rf_install("borrowed")) != R_NilValue) {
        R_ClearExternalPtr(x);
        return R_NilValue;
    }
    for (size_t i = 0; i < sizeof free_table / sizeof free_table[0]; i++) {
        if (tag == Rf_install(free_table[i].cls)) {
            void *p = R_ExternalPtrAddr(x);
            R_ClearExternalPtr(x);
            free_table[i].fn(p);
            return R_NilValue;
        }
    }
    Rf_error("expected a planomsorg object");
    return R_NilValue;
}
