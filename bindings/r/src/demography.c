/* demography.h: rates, life tables, defaults, projection and components. */
#include "rpl.h"

#define DEMO "planomsorg_demography"
#define COMP "planomsorg_components"


static void demo_fin(SEXP x)
{
    planomsorg_demography_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}

static void comp_fin(SEXP x)
{
    planomsorg_components_free(R_ExternalPtrAddr(x));
    R_ClearExternalPtr(x);
}

planomsorg_demography *rpl_demography(SEXP x)
{
    return rpl_unwrap(x, DEMO);
}

static planomsorg_components *rpl_components(SEXP x)
{
    return rpl_unwrap(x, COMP);
}

SEXP C_demography_new(SEXP first_year, SEXP n_years, SEXP max_age)
{
    planomsorg_demography *d = NULL;
    RPL_CHECK(planomsorg_demography_new(&d, rpl_int(first_year, "first_year"),
                                        rpl_int(n_years, "n_years"), rpl_int(max_age, "max_age")));
    return rpl_wrap(d, DEMO, demo_fin);
}

SEXP C_demography_copy(SEXP demo)
{
    planomsorg_demography *d = NULL;
    RPL_CHECK(planomsorg_demography_copy(&d, rpl_demography(demo)));
    return rpl_wrap(d, DEMO, demo_fin);
}

SEXP C_demography_default(SEXP region, SEXP as_of, SEXP fert, SEXP le, SEXP mig)
{
    planomsorg_demography *d = NULL;
    RPL_CHECK(planomsorg_demography_default_levers(&d, rpl_str(region, "region"),
                                                   rpl_int(as_of, "as_of_year"),
                                                   rpl_int(fert, "fertility"),
                                                   rpl_int(le, "life_expectancy"),
                                                   rpl_int(mig, "migration")));
    return rpl_wrap(d, DEMO, demo_fin);
}

SEXP C_demography_dims(SEXP demo)
{
    const planomsorg_demography *d = rpl_demography(demo);
    SEXP out = PROTECT(Rf_allocVector(INTSXP, 3));
    INTEGER(out)[0] = planomsorg_demography_first_year(d);
    INTEGER(out)[1] = planomsorg_demography_n_years(d);
    INTEGER(out)[2] = planomsorg_demography_max_age(d);
    UNPROTECT(1);
    return out;
}

SEXP C_demography_set_mortality(SEXP demo, SEXP year, SEXP sex, SEXP kind, SEXP values)
{
    RPL_CHECK(planomsorg_demography_set_mortality(rpl_demography(demo), rpl_int(year, "year"),
                                                  rpl_int(sex, "sex"), rpl_int(kind, "kind"),
                                                  rpl_dvec(values, -1, "values"),
                                                  (size_t)XLENGTH(values)));
    return demo;
}

SEXP C_demography_set_fertility(SEXP demo, SEXP year, SEXP asfr)
{
    RPL_CHECK(planomsorg_demography_set_fertility(rpl_demography(demo), rpl_int(year, "year"),
                                                  rpl_dvec(asfr, -1, "asfr"),
                                                  (size_t)XLENGTH(asfr)));
    return demo;
}

SEXP C_demography_set_sex_ratio(SEXP demo, SEXP year, SEXP ratio)
{
    RPL_CHECK(planomsorg_demography_set_sex_ratio(rpl_demography(demo), rpl_int(year, "year"),
                                                  rpl_dbl(ratio, "boys_per_girl")));
    return demo;
}

SEXP C_demography_set_migration(SEXP demo, SEXP year, SEXP sex, SEXP kind, SEXP values)
{
    RPL_CHECK(planomsorg_demography_set_migration(rpl_demography(demo), rpl_int(year, "year"),
                                                  rpl_int(sex, "sex"), rpl_int(kind, "kind"),
                                                  rpl_dvec(values, -1, "values"),
                                                  (size_t)XLENGTH(values)));
    return demo;
}

/* DECLINE: R matrix [age, sex]; column-major is the C sex-major layout. */
SEXP C_demography_improve_mortality(SEXP demo, SEXP base_year, SEXP decline)
{
    RPL_CHECK(planomsorg_demography_improve_mortality(rpl_demography(demo),
                                                      rpl_int(base_year, "base_year"),
                                                      rpl_dvec(decline, -1, "decline"),
                                                      (size_t)XLENGTH(decline)));
    return demo;
}

SEXP C_demography_scale_to_e0(SEXP demo, SEXP year, SEXP sex, SEXP e0)
{
    RPL_CHECK(planomsorg_demography_scale_to_e0(rpl_demography(demo), rpl_int(year, "year"),
                                                rpl_int(sex, "sex"), rpl_dbl(e0, "e0")));
    return demo;
}

SEXP C_demography_scale(SEXP demo, SEXP component, SEXP from, SEXP to, SEXP factor)
{
    RPL_CHECK(planomsorg_demography_scale(rpl_demography(demo), rpl_int(component, "component"),
                                          rpl_int(from, "from_year"), rpl_int(to, "to_year"),
                                          rpl_dbl(factor, "factor")));
    return demo;
}

/* Per-cell getters, vectorised over (year, sex, age); WHAT selects the quantity:
 * 0 death rate, 1 projection death probability, 2 fertility (sex ignored),
 * 3 migration input, 4 life expectancy. A rate not set (EMISSING) is NA. */
SEXP C_demography_get(SEXP demo, SEXP what, SEXP year, SEXP sex, SEXP age)
{
    const planomsorg_demography *d = rpl_demography(demo);
    int w = rpl_int(what, "what");
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        int y = INTEGER(year)[i], s = INTEGER(sex)[i], a = INTEGER(age)[i], rc;
        double *v = &REAL(out)[i];
        switch (w) {
        case 0: rc = planomsorg_demography_death_rate(d, y, s, a, v); break;
        case 1: rc = planomsorg_demography_death_probability(d, y, s, a, v); break;
        case 2: rc = planomsorg_demography_fertility(d, y, a, v); break;
        case 3: rc = planomsorg_demography_migration(d, y, s, a, v, NULL); break;
        case 4: rc = planomsorg_demography_life_expectancy(d, y, s, a, v); break;
        default: Rf_error("unknown quantity %d", w);
        }
        if (rc == PLANOMSORG_EMISSING)
            *v = NA_REAL;
        else if (rc != PLANOMSORG_OK)
            rpl_raise(rc);
    }
    UNPROTECT(1);
    return out;
}

/* Per-year getters: 0 TFR, 1 sex ratio, 2 migration kind. */
SEXP C_demography_year(SEXP demo, SEXP what, SEXP year)
{
    const planomsorg_demography *d = rpl_demography(demo);
    int w = rpl_int(what, "what");
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        int y = INTEGER(year)[i], kind = 0;
        double v = 0;
        switch (w) {
        case 0: RPL_CHECK(planomsorg_demography_tfr(d, y, &REAL(out)[i])); break;
        case 1: RPL_CHECK(planomsorg_demography_sex_ratio(d, y, &REAL(out)[i])); break;
        case 2:
            RPL_CHECK(planomsorg_demography_migration(d, y, PLANOMSORG_SEX_FEMALE, 0, &v, &kind));
            REAL(out)[i] = kind;
            break;
        default: Rf_error("unknown quantity %d", w);
        }
    }
    UNPROTECT(1);
    return out;
}

SEXP C_life_table(SEXP m, SEXP sex)
{
    R_xlen_t n = XLENGTH(m);
    if (n < 2)
        Rf_error("'m' must hold at least two ages");
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
    SEXP q = PROTECT(Rf_allocVector(REALSXP, n));
    SEXP e = PROTECT(Rf_allocVector(REALSXP, n));
    RPL_CHECK(planomsorg_life_table(REAL(q), REAL(e), rpl_dvec(m, -1, "m"), (int)(n - 1),
                                    rpl_int(sex, "sex")));
    SET_VECTOR_ELT(out, 0, q);
    SET_VECTOR_ELT(out, 1, e);
    UNPROTECT(3);
    return out;
}

SEXP C_infant_a0(SEXP m0, SEXP sex)
{
    double a0 = 0;
    RPL_CHECK(planomsorg_infant_a0(&a0, rpl_dbl(m0, "m0"), rpl_int(sex, "sex")));
    return Rf_ScalarReal(a0);
}

/* Names and values of the module's constants. */
SEXP C_demography_constants(void)
{
    const char *names[] = {"alternatives", "mortality_kinds", "migration_kinds", "components",
                           "default_years", "default_sex_ratio", "sources"};
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 7));
    SEXP nm = PROTECT(Rf_allocVector(STRSXP, 7));
    for (int i = 0; i < 7; i++)
        SET_STRING_ELT(nm, i, Rf_mkChar(names[i]));
    SEXP alt = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_ALTERNATIVES));
    for (int i = 0; i < PLANOMSORG_N_ALTERNATIVES; i++)
        SET_STRING_ELT(alt, i, Rf_mkChar(planomsorg_alternative_name(i)));
    SEXP mk = PROTECT(Rf_allocVector(STRSXP, 2));
    SET_STRING_ELT(mk, 0, Rf_mkChar(planomsorg_mortality_kind_name(PLANOMSORG_MORTALITY_RATE)));
    SET_STRING_ELT(mk, 1,
                   Rf_mkChar(planomsorg_mortality_kind_name(PLANOMSORG_MORTALITY_PROBABILITY)));
    SEXP gk = PROTECT(Rf_allocVector(STRSXP, 2));
    SET_STRING_ELT(gk, 0, Rf_mkChar(planomsorg_migration_kind_name(PLANOMSORG_MIGRATION_COUNTS)));
    SET_STRING_ELT(gk, 1, Rf_mkChar(planomsorg_migration_kind_name(PLANOMSORG_MIGRATION_RATES)));
    SEXP comp = PROTECT(Rf_allocVector(STRSXP, PLANOMSORG_N_COMPONENTS));
    for (int i = 0; i < PLANOMSORG_N_COMPONENTS; i++)
        SET_STRING_ELT(comp, i, Rf_mkChar(planomsorg_component_name(i)));
    SEXP yrs = PROTECT(Rf_allocVector(INTSXP, 3));
    planomsorg_demography_default_years(&INTEGER(yrs)[0], &INTEGER(yrs)[1], &INTEGER(yrs)[2]);
    SET_VECTOR_ELT(out, 0, alt);
    SET_VECTOR_ELT(out, 1, mk);
    SET_VECTOR_ELT(out, 2, gk);
    SET_VECTOR_ELT(out, 3, comp);
    SET_VECTOR_ELT(out, 4, yrs);
    SET_VECTOR_ELT(out, 5, Rf_ScalarReal(planomsorg_default_sex_ratio()));
    SET_VECTOR_ELT(out, 6, Rf_ScalarString(Rf_mkCharCE(planomsorg_demography_sources(), CE_UTF8)));
    Rf_setAttrib(out, R_NamesSymbol, nm);
    UNPROTECT(7);
    return out;
}

/* Projection: list(population, components or NULL). */
SEXP C_population_project(SEXP base, SEXP base_year, SEXP last_year, SEXP demo, SEXP want)
{
    planomsorg_population *p = NULL;
    planomsorg_components *c = NULL;
    int w = Rf_asLogical(want) == TRUE;
    RPL_CHECK(planomsorg_population_project(&p, w ? &c : NULL, rpl_population(base),
                                            rpl_int(base_year, "base_year"),
                                            rpl_int(last_year, "last_year"),
                                            rpl_demography(demo)));
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(out, 0, rpl_wrap_population(p));
    if (c != NULL)
        SET_VECTOR_ELT(out, 1, rpl_wrap(c, COMP, comp_fin));
    UNPROTECT(1);
    return out;
}

SEXP C_components_dims(SEXP comp)
{
    const planomsorg_components *c = rpl_components(comp);
    SEXP out = PROTECT(Rf_allocVector(INTSXP, 3));
    INTEGER(out)[0] = planomsorg_components_first_year(c);
    INTEGER(out)[1] = planomsorg_components_n_years(c);
    INTEGER(out)[2] = planomsorg_components_max_age(c);
    UNPROTECT(1);
    return out;
}

SEXP C_components_export(SEXP comp, SEXP component)
{
    const planomsorg_components *c = rpl_components(comp);
    size_t n = planomsorg_components_size(c);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)n));
    RPL_CHECK(planomsorg_components_export(c, rpl_int(component, "component"), REAL(out), n));
    SEXP dim = PROTECT(Rf_allocVector(INTSXP, 3));
    INTEGER(dim)[0] = planomsorg_components_max_age(c) + 1;
    INTEGER(dim)[1] = PLANOMSORG_N_SEXES;
    INTEGER(dim)[2] = planomsorg_components_n_years(c);
    Rf_setAttrib(out, R_DimSymbol, dim);
    UNPROTECT(2);
    return out;
}

SEXP C_components_sum(SEXP comp, SEXP component, SEXP year, SEXP sex, SEXP age_lo,
                      SEXP age_hi)
{
    const planomsorg_components *c = rpl_components(comp);
    int k = rpl_int(component, "component");
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_components_sum(c, k, INTEGER(year)[i], INTEGER(sex)[i],
                                            INTEGER(age_lo)[i], INTEGER(age_hi)[i],
                                            &REAL(out)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_components_get(SEXP comp, SEXP component, SEXP year, SEXP sex, SEXP age)
{
    const planomsorg_components *c = rpl_components(comp);
    int k = rpl_int(component, "component");
    R_xlen_t n = XLENGTH(year);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        RPL_CHECK(planomsorg_components_get(c, k, INTEGER(year)[i], INTEGER(sex)[i],
                                            INTEGER(age)[i], &REAL(out)[i]));
    UNPROTECT(1);
    return out;
}

SEXP C_components_clamped(SEXP comp)
{
    double persons = 0;
    long cells = 0;
    RPL_CHECK(planomsorg_components_clamped(rpl_components(comp), &persons, &cells));
    SEXP out = PROTECT(Rf_allocVector(REALSXP, 2));
    REAL(out)[0] = persons;
    REAL(out)[1] = (double)cells;
    UNPROTECT(1);
    return out;
}
