/* Internal view of a demography handle and the life-table helpers shared by
 * demography.c (handle, projection) and demography_default.c (defaults). */
#ifndef PL_DEMOGRAPHY_INTERNAL_H
#define PL_DEMOGRAPHY_INTERNAL_H

#include "planomsorg/demography.h"

struct planomsorg_demography {
    int first_year;
    int n_years;
    int max_age;
    double *m;     /* [year][sex][age] central death rates; NaN = not set */
    double *fert;  /* [year][age] births per woman */
    double *srb;   /* [year] boys per girl */
    double *mig;   /* [year][sex][age] counts or rates */
    int *mig_kind; /* [year] PLANOMSORG_MIGRATION_* */
};

static inline double *pl_demography_m_row(const planomsorg_demography *d, int yi, int sex)
{
    return d->m + ((size_t)yi * 2 + (size_t)sex) * (size_t)(d->max_age + 1);
}

static inline double *pl_demography_mig_row(const planomsorg_demography *d, int yi, int sex)
{
    return d->mig + ((size_t)yi * 2 + (size_t)sex) * (size_t)(d->max_age + 1);
}

static inline double *pl_demography_fert_row(const planomsorg_demography *d, int yi)
{
    return d->fert + (size_t)yi * (size_t)(d->max_age + 1);
}

/* Andreev-Kingkade a0 for a valid m0 and sex (no checks). */
double pl_a0(double m0, int sex);

/* One-year death probabilities of the cohorts aged a on 1 January (Lexis
 * parallelogram), as used by the projection (no checks). */
void pl_projection_q(double *q, const double *m, int max_age, int sex);

/* Life-table infant death probability m0 / (1 + (1 - a0) m0). */
double pl_infant_q(double m0, int sex);

/* Life expectancy at age `age` from m (m[max_age] > 0, no other checks). */
double pl_life_expectancy(const double *m, int max_age, int sex, int age);

#endif
