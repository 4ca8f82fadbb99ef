/* Demography handle, life tables and the cohort-component projection
 * (DESIGN.md section 2; formulas in docs/methods/demography.md). */
#include "demography_internal.h"

#include "check.h"
#include "error.h"
#include "population_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct planomsorg_components {
    int first_year;
    int n_years;
    int max_age;
    double *data[PLANOMSORG_N_COMPONENTS]; /* each [year][sex][age] */
    double clamped_persons;
    long clamped_cells;
};

/* Largest central death rate accepted: far above any observed m (about 1 at 110). */
#define PL_MAX_M 10.0

/* ------------------------------------------------------------------------- */
/* Life-table helpers                                                         */
/* ------------------------------------------------------------------------- */

double pl_a0(double m0, int sex)
{
    /* Andreev & Kingkade (2015), Table 1 in terms of m0; HMD Methods Protocol v6. */
    if (sex == PLANOMSORG_SEX_MALE) {
        if (m0 < 0.02300)
            return 0.14929 - 1.99545 * m0;
        if (m0 < 0.08307)
            return 0.02832 + 3.26201 * m0;
        return 0.29915;
    }
    if (m0 < 0.01724)
        return 0.14903 - 2.05527 * m0;
    if (m0 < 0.06891)
        return 0.04667 + 3.88089 * m0;
    return 0.31411;
}

/* q = m / (1 + (1 - a) m), capped at 1: rates above 1 / a (possible input, up to
 * PL_MAX_M) would otherwise give probabilities above 1 and negative survivors. */
static double q_from_m(double m, double a)
{
    double q = m / (1.0 + (1.0 - a) * m);
    return q < 1.0 ? q : 1.0;
}

void pl_projection_q(double *q, const double *m, int max_age, int sex)
{
    /* The cohort aged a on 1 January spends the year in the Lexis parallelogram
     * between ages a and a+1: its rate is the mean of the two period rates. Using
     * m[a] alone understates deaths at old ages (m grows ~10 % per year of age);
     * the net-migration residuals of 80+ are then about -1,300 a year instead of
     * about +100 (docs/methods/demography.md). */
    for (int a = 1; a < max_age; a++) {
        double mb = 0.5 * (m[a] + m[a + 1]);
        q[a] = q_from_m(mb, 0.5);
    }
    q[max_age] = q_from_m(m[max_age], 0.5);
    /* Age 0 on 1 January: the upper triangle of age 0 (a share a0 of infant deaths,
     * at rate 2 a0 m0 over half a year) and the lower triangle of age 1. */
    q[0] = q_from_m(pl_a0(m[0], sex) * m[0] + 0.5 * m[1], 0.5);
}

double pl_infant_q(double m0, int sex)
{
    return q_from_m(m0, pl_a0(m0, sex));
}

/* Life table by the conventions of demography.h; q and e may be NULL. */
static void life_table(double *q_out, double *e_out, const double *m, int max_age, int sex)
{
    double l = 1.0, T = 0.0;
    double lx[PLANOMSORG_MAX_AGE_LIMIT + 1], Lx[PLANOMSORG_MAX_AGE_LIMIT + 1];
    for (int a = 0; a < max_age; a++) {
        double ax = a == 0 ? pl_a0(m[0], sex) : 0.5;
        double q = q_from_m(m[a], ax);
        double d = l * q;
        lx[a] = l;
        Lx[a] = l - d + ax * d;
        if (q_out != NULL)
            q_out[a] = q;
        l -= d;
    }
    lx[max_age] = l;
    Lx[max_age] = l / m[max_age];
    if (q_out != NULL)
        q_out[max_age] = 1.0;
    if (e_out != NULL) {
        for (int a = max_age; a >= 0; a--) {
            T += Lx[a];
            e_out[a] = lx[a] > 0.0 ? T / lx[a] : 0.0;
        }
    }
}

double pl_life_expectancy(const double *m, int max_age, int sex, int age)
{
    double e[PLANOMSORG_MAX_AGE_LIMIT + 1];
    life_table(NULL, e, m, max_age, sex);
    return e[age];
}

int planomsorg_infant_a0(double *a0, double m0, int sex)
{
    PL_CHECK_NULL(a0);
    int rc = pl_population_check_sex(sex, 0, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (!isfinite(m0) || m0 < 0.0 || m0 > 1.0)
        return pl_error(PLANOMSORG_EVALUE, "%s: infant death rate %g outside [0, 1]", __func__, m0);
    *a0 = pl_a0(m0, sex);
    return PLANOMSORG_OK;
}

static int check_rates(const double *m, int max_age, const char *function)
{
    for (int a = 0; a <= max_age; a++) {
        if (isnan(m[a]))
            return pl_error(PLANOMSORG_EVALUE, "%s: death rate at age %d is NaN", function, a);
        if (!isfinite(m[a]) || m[a] < 0.0 || m[a] > PL_MAX_M)
            return pl_error(PLANOMSORG_EVALUE, "%s: death rate %g at age %d outside [0, %g]",
                            function, m[a], a, PL_MAX_M);
    }
    if (!(m[max_age] > 0.0))
        return pl_error(PLANOMSORG_EVALUE,
                        "%s: death rate of the open band (age %d) must be > 0 for a life table",
                        function, max_age);
    return PLANOMSORG_OK;
}

int planomsorg_life_table(double *q, double *e, const double *m, int max_age, int sex)
{
    PL_CHECK_NULL(m);
    if (max_age < 1 || max_age > PLANOMSORG_MAX_AGE_LIMIT)
        return pl_error(PLANOMSORG_ERANGE, "%s: max age %d outside 1..%d", __func__, max_age,
                        PLANOMSORG_MAX_AGE_LIMIT);
    int rc = pl_population_check_sex(sex, 0, __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_rates(m, max_age, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    life_table(q, e, m, max_age, sex);
    return PLANOMSORG_OK;
}

/* ------------------------------------------------------------------------- */
/* Handle                                                                     */
/* ------------------------------------------------------------------------- */

static size_t cells(const planomsorg_demography *d)
{
    return (size_t)d->n_years * 2 * (size_t)(d->max_age + 1);
}

static void demography_release(planomsorg_demography *d)
{
    free(d->m);
    free(d->fert);
    free(d->srb);
    free(d->mig);
    free(d->mig_kind);
    free(d);
}

static planomsorg_demography *demography_alloc(int first_year, int n_years, int max_age)
{
    planomsorg_demography *d = calloc(1, sizeof *d);
    if (d == NULL)
        return NULL;
    d->first_year = first_year;
    d->n_years = n_years;
    d->max_age = max_age;
    size_t n = cells(d);
    d->m = malloc(n * sizeof *d->m);
    d->mig = calloc(n, sizeof *d->mig);
    d->fert = calloc((size_t)n_years * (size_t)(max_age + 1), sizeof *d->fert);
    d->srb = malloc((size_t)n_years * sizeof *d->srb);
    d->mig_kind = calloc((size_t)n_years, sizeof *d->mig_kind);
    if (d->m == NULL || d->mig == NULL || d->fert == NULL || d->srb == NULL ||
        d->mig_kind == NULL) {
        demography_release(d);
        return NULL;
    }
    return d;
}

int planomsorg_demography_new(planomsorg_demography **out, int first_year, int n_years,
                              int max_age)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    int rc = pl_check_year_range(first_year, "first year", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (n_years < 1 || n_years > 500)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of years %d outside 1..500", __func__,
                        n_years);
    if (max_age < 1 || max_age > PLANOMSORG_MAX_AGE_LIMIT)
        return pl_error(PLANOMSORG_ERANGE, "%s: max age %d outside 1..%d", __func__, max_age,
                        PLANOMSORG_MAX_AGE_LIMIT);
    planomsorg_demography *d = demography_alloc(first_year, n_years, max_age);
    if (d == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    size_t n = cells(d);
    for (size_t i = 0; i < n; i++)
        d->m[i] = NAN;
    for (int y = 0; y < n_years; y++) {
        d->srb[y] = PLANOMSORG_DEFAULT_SEX_RATIO;
        d->mig_kind[y] = PLANOMSORG_MIGRATION_COUNTS;
    }
    *out = d;
    return PLANOMSORG_OK;
}

void planomsorg_demography_free(planomsorg_demography *demo)
{
    if (demo != NULL)
        demography_release(demo);
}

int planomsorg_demography_copy(planomsorg_demography **out, const planomsorg_demography *demo)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(demo);
    planomsorg_demography *d = demography_alloc(demo->first_year, demo->n_years, demo->max_age);
    if (d == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    size_t n = cells(d), ny = (size_t)d->n_years;
    memcpy(d->m, demo->m, n * sizeof *d->m);
    memcpy(d->mig, demo->mig, n * sizeof *d->mig);
    memcpy(d->fert, demo->fert, ny * (size_t)(d->max_age + 1) * sizeof *d->fert);
    memcpy(d->srb, demo->srb, ny * sizeof *d->srb);
    memcpy(d->mig_kind, demo->mig_kind, ny * sizeof *d->mig_kind);
    *out = d;
    return PLANOMSORG_OK;
}

int planomsorg_demography_first_year(const planomsorg_demography *demo)
{
    return demo != NULL ? demo->first_year : 0;
}

int planomsorg_demography_n_years(const planomsorg_demography *demo)
{
    return demo != NULL ? demo->n_years : 0;
}

int planomsorg_demography_max_age(const planomsorg_demography *demo)
{
    return demo != NULL ? demo->max_age : 0;
}

static int check_year(const planomsorg_demography *d, int year, const char *function)
{
    if (year < d->first_year || year >= d->first_year + d->n_years)
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d outside the demography's years %d..%d",
                        function, year, d->first_year, d->first_year + d->n_years - 1);
    return PLANOMSORG_OK;
}

static int check_age(const planomsorg_demography *d, int age, const char *function)
{
    if (age < 0 || age > d->max_age)
        return pl_error(PLANOMSORG_ERANGE, "%s: age %d outside 0..%d", function, age, d->max_age);
    return PLANOMSORG_OK;
}

static int check_n(const planomsorg_demography *d, size_t n, size_t want, const char *function)
{
    if (n != want)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: %zu values given, %zu expected (ages 0..%d)",
                        function, n, want, d->max_age);
    return PLANOMSORG_OK;
}

static int check_year_sex(const planomsorg_demography *d, int year, int sex,
                          const char *function)
{
    int rc = check_year(d, year, function);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_sex(sex, 0, function);
    return rc;
}

/* Rate from a probability, inverting q = m / (1 + (1 - a)m); a0 depends on m0, so
 * age 0 iterates (a0 is piecewise linear with slope < 4, the map contracts fast). */
static double m_from_q(double q, int age, int max_age, int sex)
{
    if (age == max_age && q >= 1.0)
        return 2.0; /* q = 1 in the open band: m = 1/a with a = 0.5 */
    if (age > 0)
        return q / (1.0 - 0.5 * q);
    double m = q;
    for (int i = 0; i < 100; i++) {
        double next = q / (1.0 - (1.0 - pl_a0(m, sex)) * q);
        if (fabs(next - m) < 1e-15)
            return next;
        m = next;
    }
    return m;
}

int planomsorg_demography_set_mortality(planomsorg_demography *demo, int year, int sex,
                                        int kind, const double *values, size_t n)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(values);
    int rc = check_year_sex(demo, year, sex, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (kind != PLANOMSORG_MORTALITY_RATE && kind != PLANOMSORG_MORTALITY_PROBABILITY)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown mortality kind %d", __func__, kind);
    int A = demo->max_age;
    rc = check_n(demo, n, (size_t)A + 1, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (int a = 0; a <= A; a++) {
        double v = values[a];
        if (isnan(v))
            return pl_error(PLANOMSORG_EVALUE, "%s: year %d sex %d age %d: value is NaN",
                            __func__, year, sex, a);
        if (kind == PLANOMSORG_MORTALITY_RATE) {
            if (!isfinite(v) || v < 0.0 || v > PL_MAX_M)
                return pl_error(PLANOMSORG_EVALUE,
                                "%s: year %d sex %d age %d: death rate %g outside [0, %g]",
                                __func__, year, sex, a, v, PL_MAX_M);
        } else {
            if (!isfinite(v) || v < 0.0 || v > 1.0)
                return pl_error(PLANOMSORG_EVALUE,
                                "%s: year %d sex %d age %d: probability %g outside [0, 1]",
                                __func__, year, sex, a, v);
            if (a < A && v >= 1.0)
                return pl_error(PLANOMSORG_EVALUE,
                                "%s: year %d sex %d age %d: probability 1 below the open band",
                                __func__, year, sex, a);
        }
    }
    if (!(values[A] > 0.0))
        return pl_error(PLANOMSORG_EVALUE,
                        "%s: year %d sex %d: mortality of the open band (age %d) must be > 0",
                        __func__, year, sex, A);
    double *row = pl_demography_m_row(demo, year - demo->first_year, sex);
    for (int a = 0; a <= A; a++)
        row[a] = kind == PLANOMSORG_MORTALITY_RATE ? values[a] : m_from_q(values[a], a, A, sex);
    return PLANOMSORG_OK;
}

int planomsorg_demography_set_fertility(planomsorg_demography *demo, int year,
                                        const double *asfr, size_t n)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(asfr);
    int rc = check_year(demo, year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = check_n(demo, n, (size_t)demo->max_age + 1, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (int a = 0; a <= demo->max_age; a++) {
        if (isnan(asfr[a]))
            return pl_error(PLANOMSORG_EVALUE, "%s: year %d age %d: fertility rate is NaN",
                            __func__, year, a);
        if (!isfinite(asfr[a]) || asfr[a] < 0.0 || asfr[a] > 1.0)
            return pl_error(PLANOMSORG_EVALUE,
                            "%s: year %d age %d: fertility rate %g outside [0, 1]", __func__,
                            year, a, asfr[a]);
    }
    if (asfr[0] != 0.0)
        return pl_error(PLANOMSORG_EVALUE, "%s: year %d: fertility rate at age 0 must be 0",
                        __func__, year);
    memcpy(pl_demography_fert_row(demo, year - demo->first_year), asfr,
           n * sizeof *asfr);
    return PLANOMSORG_OK;
}

int planomsorg_demography_set_sex_ratio(planomsorg_demography *demo, int year,
                                        double boys_per_girl)
{
    PL_CHECK_NULL(demo);
    int rc = check_year(demo, year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (!isfinite(boys_per_girl) || boys_per_girl < 0.5 || boys_per_girl > 2.0)
        return pl_error(PLANOMSORG_EVALUE, "%s: year %d: sex ratio %g outside [0.5, 2]",
                        __func__, year, boys_per_girl);
    demo->srb[year - demo->first_year] = boys_per_girl;
    return PLANOMSORG_OK;
}

int planomsorg_demography_set_migration(planomsorg_demography *demo, int year, int sex,
                                        int kind, const double *values, size_t n)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(values);
    int rc = check_year_sex(demo, year, sex, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (kind != PLANOMSORG_MIGRATION_COUNTS && kind != PLANOMSORG_MIGRATION_RATES)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown migration kind %d", __func__, kind);
    rc = check_n(demo, n, (size_t)demo->max_age + 1, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (int a = 0; a <= demo->max_age; a++) {
        if (isnan(values[a]))
            return pl_error(PLANOMSORG_EVALUE, "%s: year %d sex %d age %d: migration is NaN",
                            __func__, year, sex, a);
        if (!isfinite(values[a]))
            return pl_error(PLANOMSORG_EVALUE, "%s: year %d sex %d age %d: migration is infinite",
                            __func__, year, sex, a);
        if (kind == PLANOMSORG_MIGRATION_RATES && values[a] < -1.0)
            return pl_error(PLANOMSORG_EVALUE,
                            "%s: year %d sex %d age %d: migration rate %g below -1", __func__,
                            year, sex, a, values[a]);
    }
    int yi = year - demo->first_year;
    if (demo->mig_kind[yi] != kind) {
        memset(pl_demography_mig_row(demo, yi, 1 - sex), 0,
               n * sizeof(double));
        demo->mig_kind[yi] = kind;
    }
    memcpy(pl_demography_mig_row(demo, yi, sex), values, n * sizeof *values);
    return PLANOMSORG_OK;
}

/* ------------------------------------------------------------------------- */
/* Levers                                                                     */
/* ------------------------------------------------------------------------- */

static int check_mortality_set(const planomsorg_demography *d, int yi, int sex,
                               const char *function)
{
    if (isnan(pl_demography_m_row(d, yi, sex)[0]))
        return pl_error(PLANOMSORG_EMISSING, "%s: mortality of year %d, %s, is not set", function,
                        d->first_year + yi, planomsorg_sex_name(sex));
    return PLANOMSORG_OK;
}

int planomsorg_demography_improve_mortality(planomsorg_demography *demo, int base_year,
                                            const double *decline, size_t n)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(decline);
    int rc = check_year(demo, base_year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int A = demo->max_age;
    rc = check_n(demo, n, 2 * ((size_t)A + 1), __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(decline[i]) || decline[i] <= -1.0 || decline[i] >= 1.0)
            return pl_error(PLANOMSORG_EVALUE,
                            "%s: rate of decline %g (sex %zu, age %zu) outside (-1, 1)", __func__,
                            decline[i], i / ((size_t)A + 1), i % ((size_t)A + 1));
    int b = base_year - demo->first_year;
    for (int s = 0; s < 2; s++) {
        rc = check_mortality_set(demo, b, s, __func__);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    for (int s = 0; s < 2; s++) {
        const double *base = pl_demography_m_row(demo, b, s);
        const double *r = decline + (size_t)s * ((size_t)A + 1);
        for (int yi = b + 1; yi < demo->n_years; yi++) {
            double *row = pl_demography_m_row(demo, yi, s);
            for (int a = 0; a <= A; a++) {
                double v = base[a] * pow(1.0 - r[a], yi - b);
                row[a] = v > PL_MAX_M ? PL_MAX_M : v;
            }
        }
    }
    return PLANOMSORG_OK;
}

int planomsorg_demography_scale_to_e0(planomsorg_demography *demo, int year, int sex, double e0)
{
    PL_CHECK_NULL(demo);
    int rc = check_year_sex(demo, year, sex, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (!isfinite(e0) || e0 <= 1.0 || e0 >= 120.0)
        return pl_error(PLANOMSORG_EVALUE, "%s: target life expectancy %g outside (1, 120)",
                        __func__, e0);
    int yi = year - demo->first_year;
    rc = check_mortality_set(demo, yi, sex, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int A = demo->max_age;
    double *row = pl_demography_m_row(demo, yi, sex);
    double scaled[PLANOMSORG_MAX_AGE_LIMIT + 1];
    double lo = log(1e-4), hi = log(1e4);
    /* e0 decreases monotonically in the factor; find it by bisection on its log. */
    for (int it = 0; it < 200; it++) {
        double mid = 0.5 * (lo + hi), k = exp(mid);
        for (int a = 0; a <= A; a++)
            scaled[a] = row[a] * k;
        double e = pl_life_expectancy(scaled, A, sex, 0);
        if (fabs(e - e0) < 1e-9) {
            memcpy(row, scaled, ((size_t)A + 1) * sizeof *row);
            return PLANOMSORG_OK;
        }
        if (e > e0)
            lo = mid;
        else
            hi = mid;
    }
    return pl_error(PLANOMSORG_ECONVERGE,
                    "%s: year %d %s: life expectancy %g is not reachable by scaling the death "
                    "rates by a factor in [1e-4, 1e4]",
                    __func__, year, planomsorg_sex_name(sex), e0);
}

int planomsorg_demography_scale(planomsorg_demography *demo, int component, int from_year,
                                int to_year, double factor)
{
    PL_CHECK_NULL(demo);
    int rc = check_year(demo, from_year, __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_year(demo, to_year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (to_year < from_year)
        return pl_error(PLANOMSORG_ERANGE, "%s: last year %d before first year %d", __func__,
                        to_year, from_year);
    if (!isfinite(factor) || factor < 0.0)
        return pl_error(PLANOMSORG_EVALUE, "%s: factor %g must be finite and >= 0", __func__,
                        factor);
    if (component != PLANOMSORG_COMPONENT_DEATHS && component != PLANOMSORG_COMPONENT_BIRTHS &&
        component != PLANOMSORG_COMPONENT_MIGRATION)
        return pl_error(PLANOMSORG_EINVAL, "%s: component %d cannot be scaled", __func__,
                        component);
    int A = demo->max_age, y0 = from_year - demo->first_year, y1 = to_year - demo->first_year;
    /* Check everything first so that a failure leaves the handle unchanged. */
    for (int yi = y0; yi <= y1; yi++) {
        for (int a = 0; a <= A; a++) {
            if (component == PLANOMSORG_COMPONENT_BIRTHS &&
                pl_demography_fert_row(demo, yi)[a] * factor > 1.0)
                return pl_error(PLANOMSORG_EVALUE,
                                "%s: year %d age %d: scaled fertility rate %g exceeds 1",
                                __func__, demo->first_year + yi, a,
                                pl_demography_fert_row(demo, yi)[a] * factor);
            for (int s = 0; s < 2; s++) {
                double v = pl_demography_mig_row(demo, yi, s)[a] * factor;
                if (component == PLANOMSORG_COMPONENT_MIGRATION &&
                    demo->mig_kind[yi] == PLANOMSORG_MIGRATION_RATES && v < -1.0)
                    return pl_error(PLANOMSORG_EVALUE,
                                    "%s: year %d age %d: scaled migration rate %g below -1",
                                    __func__, demo->first_year + yi, a, v);
                if (component == PLANOMSORG_COMPONENT_DEATHS &&
                    pl_demography_m_row(demo, yi, s)[a] * factor > PL_MAX_M)
                    return pl_error(PLANOMSORG_EVALUE,
                                    "%s: year %d age %d: scaled death rate exceeds %g", __func__,
                                    demo->first_year + yi, a, PL_MAX_M);
            }
        }
    }
    for (int yi = y0; yi <= y1; yi++)
        for (int a = 0; a <= A; a++) {
            if (component == PLANOMSORG_COMPONENT_BIRTHS)
                pl_demography_fert_row(demo, yi)[a] *= factor;
            for (int s = 0; s < 2; s++) {
                if (component == PLANOMSORG_COMPONENT_MIGRATION)
                    pl_demography_mig_row(demo, yi, s)[a] *= factor;
                else if (component == PLANOMSORG_COMPONENT_DEATHS)
                    pl_demography_m_row(demo, yi, s)[a] *= factor; /* NaN stays NaN */
            }
        }
    return PLANOMSORG_OK;
}

/* ------------------------------------------------------------------------- */
/* Getters                                                                    */
/* ------------------------------------------------------------------------- */

static int check_cell(const planomsorg_demography *d, int year, int sex, int age,
                      const char *function)
{
    int rc = check_year_sex(d, year, sex, function);
    if (rc == PLANOMSORG_OK)
        rc = check_age(d, age, function);
    if (rc == PLANOMSORG_OK)
        rc = check_mortality_set(d, year - d->first_year, sex, function);
    return rc;
}

int planomsorg_demography_death_rate(const planomsorg_demography *demo, int year, int sex,
                                     int age, double *m)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(m);
    int rc = check_cell(demo, year, sex, age, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *m = pl_demography_m_row(demo, year - demo->first_year, sex)[age];
    return PLANOMSORG_OK;
}

int planomsorg_demography_death_probability(const planomsorg_demography *demo, int year,
                                            int sex, int age, double *q)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(q);
    int rc = check_cell(demo, year, sex, age, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    double qs[PLANOMSORG_MAX_AGE_LIMIT + 1];
    pl_projection_q(qs, pl_demography_m_row(demo, year - demo->first_year, sex), demo->max_age,
                    sex);
    *q = qs[age];
    return PLANOMSORG_OK;
}

int planomsorg_demography_life_expectancy(const planomsorg_demography *demo, int year, int sex,
                                          int age, double *e)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(e);
    int rc = check_cell(demo, year, sex, age, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    const double *m = pl_demography_m_row(demo, year - demo->first_year, sex);
    if (!(m[demo->max_age] > 0.0))
        return pl_error(PLANOMSORG_ENUMERIC, "%s: death rate of the open band is 0", __func__);
    *e = pl_life_expectancy(m, demo->max_age, sex, age);
    return PLANOMSORG_OK;
}

int planomsorg_demography_fertility(const planomsorg_demography *demo, int year, int age,
                                    double *f)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(f);
    int rc = check_year(demo, year, __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_age(demo, age, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *f = pl_demography_fert_row(demo, year - demo->first_year)[age];
    return PLANOMSORG_OK;
}

int planomsorg_demography_tfr(const planomsorg_demography *demo, int year, double *tfr)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(tfr);
    int rc = check_year(demo, year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    const double *f = pl_demography_fert_row(demo, year - demo->first_year);
    double sum = 0.0;
    for (int a = 0; a <= demo->max_age; a++)
        sum += f[a];
    *tfr = sum;
    return PLANOMSORG_OK;
}

int planomsorg_demography_sex_ratio(const planomsorg_demography *demo, int year,
                                    double *boys_per_girl)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(boys_per_girl);
    int rc = check_year(demo, year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *boys_per_girl = demo->srb[year - demo->first_year];
    return PLANOMSORG_OK;
}

int planomsorg_demography_migration(const planomsorg_demography *demo, int year, int sex,
                                    int age, double *value, int *kind)
{
    PL_CHECK_NULL(demo);
    PL_CHECK_NULL(value);
    int rc = check_year_sex(demo, year, sex, __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_age(demo, age, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int yi = year - demo->first_year;
    *value = pl_demography_mig_row(demo, yi, sex)[age];
    if (kind != NULL)
        *kind = demo->mig_kind[yi];
    return PLANOMSORG_OK;
}

const char *planomsorg_alternative_name(int alternative)
{
    switch (alternative) {
    case PLANOMSORG_ALTERNATIVE_MAIN: return "main";
    case PLANOMSORG_ALTERNATIVE_LOW: return "low";
    case PLANOMSORG_ALTERNATIVE_HIGH: return "high";
    default: return NULL;
    }
}

const char *planomsorg_mortality_kind_name(int kind)
{
    switch (kind) {
    case PLANOMSORG_MORTALITY_RATE: return "rate";
    case PLANOMSORG_MORTALITY_PROBABILITY: return "probability";
    default: return NULL;
    }
}

const char *planomsorg_migration_kind_name(int kind)
{
    switch (kind) {
    case PLANOMSORG_MIGRATION_COUNTS: return "counts";
    case PLANOMSORG_MIGRATION_RATES: return "rates";
    default: return NULL;
    }
}

void planomsorg_demography_default_years(int *first_as_of, int *last_as_of, int *last_year)
{
    if (first_as_of != NULL)
        *first_as_of = PLANOMSORG_DEMOGRAPHY_FIRST_AS_OF;
    if (last_as_of != NULL)
        *last_as_of = PLANOMSORG_DEMOGRAPHY_LAST_AS_OF;
    if (last_year != NULL)
        *last_year = PLANOMSORG_DEMOGRAPHY_DEFAULT_LAST_YEAR;
}

double planomsorg_default_sex_ratio(void)
{
    return PLANOMSORG_DEFAULT_SEX_RATIO;
}

const char *planomsorg_component_name(int component)
{
    switch (component) {
    case PLANOMSORG_COMPONENT_DEATHS: return "deaths";
    case PLANOMSORG_COMPONENT_BIRTHS: return "births";
    case PLANOMSORG_COMPONENT_MIGRATION: return "migration";
    case PLANOMSORG_COMPONENT_AGED: return "aged";
    case PLANOMSORG_COMPONENT_DEATHS_START_AGE: return "deaths_start_age";
    default: return NULL;
    }
}

/* ------------------------------------------------------------------------- */
/* Components                                                                 */
/* ------------------------------------------------------------------------- */

void planomsorg_components_free(planomsorg_components *comp)
{
    if (comp == NULL)
        return;
    for (int c = 0; c < PLANOMSORG_N_COMPONENTS; c++)
        free(comp->data[c]);
    free(comp);
}

static planomsorg_components *components_alloc(int first_year, int n_years, int max_age)
{
    planomsorg_components *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->first_year = first_year;
    c->n_years = n_years;
    c->max_age = max_age;
    size_t n = (size_t)(n_years > 0 ? n_years : 1) * 2 * (size_t)(max_age + 1);
    for (int k = 0; k < PLANOMSORG_N_COMPONENTS; k++) {
        c->data[k] = calloc(n, sizeof(double));
        if (c->data[k] == NULL) {
            planomsorg_components_free(c);
            return NULL;
        }
    }
    return c;
}

int planomsorg_components_first_year(const planomsorg_components *comp)
{
    return comp != NULL ? comp->first_year : 0;
}

int planomsorg_components_n_years(const planomsorg_components *comp)
{
    return comp != NULL ? comp->n_years : 0;
}

int planomsorg_components_max_age(const planomsorg_components *comp)
{
    return comp != NULL ? comp->max_age : 0;
}

size_t planomsorg_components_size(const planomsorg_components *comp)
{
    return comp != NULL ? (size_t)comp->n_years * 2 * (size_t)(comp->max_age + 1) : 0;
}

static int check_component(int component, const char *function)
{
    return pl_check_code(component, PLANOMSORG_N_COMPONENTS, "component", function);
}

int planomsorg_components_sum(const planomsorg_components *comp, int component, int year,
                              int sex, int age_lo, int age_hi, double *value)
{
    PL_CHECK_NULL(comp);
    PL_CHECK_NULL(value);
    int rc = check_component(component, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (year < comp->first_year || year >= comp->first_year + comp->n_years)
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d outside the components' years %d..%d",
                        __func__, year, comp->first_year, comp->first_year + comp->n_years - 1);
    /* A component has the layout of a population: read it through one. */
    const planomsorg_population view = {comp->first_year, comp->n_years, comp->max_age,
                                        comp->data[component]};
    int hi;
    rc = pl_population_check_sex(sex, 1, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_band(&view, age_lo, age_hi, &hi, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *value = pl_population_band_sum(&view, year - comp->first_year, sex, age_lo, hi);
    return PLANOMSORG_OK;
}

int planomsorg_components_get(const planomsorg_components *comp, int component, int year,
                              int sex, int age, double *value)
{
    PL_CHECK_NULL(comp);
    if (age < 0 || age > comp->max_age)
        return pl_error(PLANOMSORG_ERANGE, "%s: age %d outside 0..%d", __func__, age,
                        comp->max_age);
    return planomsorg_components_sum(comp, component, year, sex, age, age, value);
}

int planomsorg_components_export(const planomsorg_components *comp, int component, double *out,
                                 size_t n)
{
    PL_CHECK_NULL(comp);
    PL_CHECK_NULL(out);
    int rc = check_component(component, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t want = planomsorg_components_size(comp);
    if (n != want)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: array of %zu doubles, %zu expected", __func__,
                        n, want);
    if (n > 0)
        memcpy(out, comp->data[component], n * sizeof *out);
    return PLANOMSORG_OK;
}

int planomsorg_components_clamped(const planomsorg_components *comp, double *persons,
                                  long *cells_out)
{
    PL_CHECK_NULL(comp);
    if (persons != NULL)
        *persons = comp->clamped_persons;
    if (cells_out != NULL)
        *cells_out = comp->clamped_cells;
    return PLANOMSORG_OK;
}

/* ------------------------------------------------------------------------- */
/* Projection                                                                 */
/* ------------------------------------------------------------------------- */

static int check_projection(const planomsorg_population *base, int base_year, int last_year,
                            const planomsorg_demography *demo, const char *function)
{
    int rc = pl_population_check_year(base, base_year, function);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (last_year < base_year || last_year > base_year + 500)
        return pl_error(PLANOMSORG_ERANGE, "%s: last year %d outside %d..%d", function, last_year,
                        base_year, base_year + 500);
    if (base->max_age != demo->max_age)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "%s: population has ages 0..%d but demography ages 0..%d", function,
                        base->max_age, demo->max_age);
    if (last_year > base_year) {
        int need_hi = last_year - 1, have_hi = demo->first_year + demo->n_years - 1;
        if (base_year < demo->first_year || need_hi > have_hi)
            return pl_error(PLANOMSORG_ERANGE,
                            "%s: projecting %d..%d needs rates for %d..%d, demography holds %d..%d",
                            function, base_year, last_year, base_year, need_hi,
                            demo->first_year, have_hi);
        for (int y = base_year; y < last_year; y++)
            for (int s = 0; s < 2; s++) {
                rc = check_mortality_set(demo, y - demo->first_year, s, function);
                if (rc != PLANOMSORG_OK)
                    return rc;
            }
    }
    return PLANOMSORG_OK;
}

/* Survivors of the cohorts aged 1..A on 1 Jan y+1 (before migration), plus the
 * components that do not depend on births. */
static void survive(const double *P, const double *q, int A, double *S, double *aged,
                    double *deaths, double *deaths_start)
{
    for (int a = 0; a <= A; a++)
        deaths_start[a] = P[a] * q[a];
    aged[0] = 0.0;
    deaths[0] = 0.0;
    S[0] = 0.0;
    for (int x = 1; x < A; x++) {
        aged[x] = P[x - 1];
        deaths[x] = deaths_start[x - 1];
        S[x] = P[x - 1] * (1.0 - q[x - 1]);
    }
    aged[A] = P[A - 1] + P[A];
    deaths[A] = deaths_start[A - 1] + deaths_start[A];
    S[A] = P[A - 1] * (1.0 - q[A - 1]) + P[A] * (1.0 - q[A]);
}

/* New cell from survivors and migration; clamps at 0 and records what was applied. */
static double add_migration(double S, double mig, int kind, double *applied,
                            planomsorg_components *c)
{
    double M = kind == PLANOMSORG_MIGRATION_RATES ? mig * S : mig;
    double P = S + M;
    if (P < 0.0) {
        c->clamped_persons += -P;
        c->clamped_cells++;
        M = -S;
        P = 0.0;
    }
    *applied = M;
    return P;
}

int planomsorg_population_project(planomsorg_population **out,
                                  planomsorg_components **components,
                                  const planomsorg_population *base, int base_year,
                                  int last_year, const planomsorg_demography *demo)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    if (components != NULL)
        *components = NULL;
    PL_CHECK_NULL(base);
    PL_CHECK_NULL(demo);
    int rc = check_projection(base, base_year, last_year, demo, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int A = base->max_age, T = last_year - base_year;
    size_t row = (size_t)A + 1;
    planomsorg_population *pop = NULL;
    rc = planomsorg_population_new(&pop, base_year, T + 1, A);
    if (rc != PLANOMSORG_OK)
        return rc;
    /* Without a components request one year of scratch is enough: allocating and zeroing
     * every year made each call fault in fresh pages, 97 % of its time (docs/performance.md). */
    planomsorg_components *c = components_alloc(base_year, components != NULL ? T : 1, A);
    double *work = malloc(sizeof(double) * row * 2);
    if (c == NULL || work == NULL) {
        planomsorg_population_free(pop);
        planomsorg_components_free(c);
        free(work);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    double *q = work, *S = work + row;
    for (int s = 0; s < 2; s++)
        memcpy(pl_population_row(pop, 0, s),
               pl_population_row(base, base_year - base->first_year, s), row * sizeof(double));

    for (int t = 0; t < T; t++) {
        int yi = base_year + t - demo->first_year;
        int kind = demo->mig_kind[yi];
        size_t off0 = components != NULL ? ((size_t)t * 2) * row : 0;
        double q0[2], a0[2];
        for (int s = 0; s < 2; s++) {
            size_t off = off0 + (size_t)s * row;
            const double *P = pl_population_row(pop, t, s);
            double *next = pl_population_row(pop, t + 1, s);
            const double *mig = pl_demography_mig_row(demo, yi, s);
            pl_projection_q(q, pl_demography_m_row(demo, yi, s), A, s);
            survive(P, q, A, S, c->data[PLANOMSORG_COMPONENT_AGED] + off,
                    c->data[PLANOMSORG_COMPONENT_DEATHS] + off,
                    c->data[PLANOMSORG_COMPONENT_DEATHS_START_AGE] + off);
            for (int x = 1; x <= A; x++)
                next[x] = add_migration(S[x], mig[x], kind,
                                        c->data[PLANOMSORG_COMPONENT_MIGRATION] + off + x, c);
            q0[s] = pl_infant_q(pl_demography_m_row(demo, yi, s)[0], s);
            a0[s] = pl_a0(pl_demography_m_row(demo, yi, s)[0], s);
        }
        /* Births from the mean of women at the start and end of the year (ages >= 1). */
        const double *f = pl_demography_fert_row(demo, yi);
        const double *W0 = pl_population_row(pop, t, PLANOMSORG_SEX_FEMALE);
        const double *W1 = pl_population_row(pop, t + 1, PLANOMSORG_SEX_FEMALE);
        double B = 0.0;
        for (int a = 1; a <= A; a++)
            B += f[a] * 0.5 * (W0[a] + W1[a]);
        double srb = demo->srb[yi];
        for (int s = 0; s < 2; s++) {
            size_t off = off0 + (size_t)s * row;
            double Bs = s == PLANOMSORG_SEX_MALE ? B * srb / (1.0 + srb) : B / (1.0 + srb);
            double infant_deaths = Bs * (1.0 - a0[s]) * q0[s]; /* L0/l0 survival */
            c->data[PLANOMSORG_COMPONENT_BIRTHS][off] = Bs;
            c->data[PLANOMSORG_COMPONENT_DEATHS][off] = infant_deaths;
            double *next = pl_population_row(pop, t + 1, s);
            next[0] = add_migration(Bs - infant_deaths, pl_demography_mig_row(demo, yi, s)[0],
                                    kind, c->data[PLANOMSORG_COMPONENT_MIGRATION] + off, c);
        }
    }
    free(work);
    *out = pop;
    if (components != NULL)
        *components = c;
    else
        planomsorg_components_free(c);
    return PLANOMSORG_OK;
}
