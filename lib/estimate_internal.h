/* Internal view of the estimate handle (estimate.c, io_panel.c, montecarlo.c). */
#ifndef PL_ESTIMATE_INTERNAL_H
#define PL_ESTIMATE_INTERNAL_H

#include "planomsorg/estimate.h"

#include <gsl/gsl_rng.h>

struct pl_issue {
    size_t line;
    int kind;
    int code;
    char *message;
};

struct planomsorg_estimate {
    int K;
    int n_bands;
    int band_lo[PLANOMSORG_MAX_AGE_BANDS];
    double *counts; /* [band][sex][K][K + 1], deaths in column K */
    int prior_kind;
    double prior_weight;
    double min_count;
    size_t rows, persons;
    struct pl_issue *issues;
    size_t n_issues, issues_cap;
};

/* Pointer to the counts of a band and sex (K x (K + 1)). */
double *pl_estimate_cell(const planomsorg_estimate *est, int band, int sex);
/* Row i of band b and sex s after pooling (K + 1 values); returns the survivors n_i. */
double pl_estimate_pooled_row(const planomsorg_estimate *est, int band, int sex, int i,
                              double *row);
/* Prior alphas of row i (K values) for a sex. */
void pl_estimate_prior_row(const planomsorg_estimate *est, int sex, int i, double *alpha);
/* One posterior draw of the K x K matrix of a band and sex (row-major). */
void pl_estimate_draw_matrix(const planomsorg_estimate *est, int band, int sex, gsl_rng *rng,
                             double *matrix);
/* Appends an issue (message copied). Returns PLANOMSORG_OK or PLANOMSORG_ENOMEM. */
int pl_estimate_add_issue(planomsorg_estimate *est, size_t line, int kind, int code,
                          const char *message);

#endif
