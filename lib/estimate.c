/* Estimation of transition matrices from counts: ML, Dirichlet posterior, pooling of
 * sparse rows, relative mortality, and calibration to stocks.
 * Formulas: docs/methods/estimation.md. */
#include "estimate_internal.h"
#include "population_internal.h"
#include "staircase_internal.h"

#include "check.h"
#include "error.h"
#include "planomsorg/population.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static size_t cell_size(int K)
{
    return (size_t)K * (size_t)(K + 1);
}

double *pl_estimate_cell(const planomsorg_estimate *est, int band, int sex)
{
    return est->counts + ((size_t)band * 2 + (size_t)sex) * cell_size(est->K);
}

int planomsorg_estimate_new(planomsorg_estimate **out, int n_levels, const int *band_lo,
                            size_t n_bands)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    if (n_levels < 1 || n_levels > PLANOMSORG_MAX_LEVELS)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of levels %d outside 1..%d", __func__,
                        n_levels, PLANOMSORG_MAX_LEVELS);
    int rc = pl_check_bands(band_lo, n_bands, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_estimate *est = calloc(1, sizeof *est);
    if (est == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    est->K = n_levels;
    est->n_bands = (int)n_bands;
    memcpy(est->band_lo, band_lo, n_bands * sizeof *band_lo);
    est->counts = calloc(n_bands * 2 * cell_size(n_levels), sizeof *est->counts);
    if (est->counts == NULL) {
        free(est);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    est->prior_kind = PLANOMSORG_PRIOR_UNIFORM;
    est->prior_weight = 1.0;
    *out = est;
    return PLANOMSORG_OK;
}

void planomsorg_estimate_free(planomsorg_estimate *est)
{
    if (est == NULL)
        return;
    for (size_t i = 0; i < est->n_issues; i++)
        free(est->issues[i].message);
    free(est->issues);
    free(est->counts);
    free(est);
}

int pl_estimate_add_issue(planomsorg_estimate *est, size_t line, int kind, int code,
                          const char *message)
{
    if (est->n_issues == est->issues_cap) {
        size_t cap = est->issues_cap ? 2 * est->issues_cap : 16;
        struct pl_issue *p = realloc(est->issues, cap * sizeof *p);
        if (p == NULL)
            return pl_error(PLANOMSORG_ENOMEM, "panel reader: out of memory");
        est->issues = p;
        est->issues_cap = cap;
    }
    char *m = malloc(strlen(message) + 1);
    if (m == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "panel reader: out of memory");
    strcpy(m, message);
    est->issues[est->n_issues++] = (struct pl_issue){line, kind, code, m};
    return PLANOMSORG_OK;
}

int planomsorg_estimate_copy(planomsorg_estimate **out, const planomsorg_estimate *est)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(est);
    planomsorg_estimate *c = NULL;
    int rc = planomsorg_estimate_new(&c, est->K, est->band_lo, (size_t)est->n_bands);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(c->counts, est->counts, (size_t)est->n_bands * 2 * cell_size(est->K) * sizeof *c->counts);
    c->prior_kind = est->prior_kind;
    c->prior_weight = est->prior_weight;
    c->min_count = est->min_count;
    c->rows = est->rows;
    c->persons = est->persons;
    for (size_t i = 0; i < est->n_issues; i++) {
        const struct pl_issue *is = &est->issues[i];
        rc = pl_estimate_add_issue(c, is->line, is->kind, is->code, is->message);
        if (rc != PLANOMSORG_OK) {
            planomsorg_estimate_free(c);
            return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
        }
    }
    *out = c;
    return PLANOMSORG_OK;
}

int planomsorg_estimate_add(planomsorg_estimate *est, int age, int sex, int from, int to,
                            double weight)
{
    PL_CHECK_NULL(est);
    if (age < 0 || age > PLANOMSORG_MAX_AGE_LIMIT)
        return pl_error(PLANOMSORG_ERANGE, "%s: age %d outside 0..%d", __func__, age,
                        PLANOMSORG_MAX_AGE_LIMIT);
    int rc = pl_population_check_sex(sex, 0, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (from < 0 || from >= est->K)
        return pl_error(PLANOMSORG_ERANGE, "%s: level %d outside 0..%d", __func__, from,
                        est->K - 1);
    if (to != PLANOMSORG_LEVEL_DEATH && (to < 0 || to >= est->K))
        return pl_error(PLANOMSORG_ERANGE,
                        "%s: destination %d is neither a level 0..%d nor PLANOMSORG_LEVEL_DEATH",
                        __func__, to, est->K - 1);
    if (!(weight >= 0) || !isfinite(weight))
        return pl_error(PLANOMSORG_EVALUE, "%s: weight %g is not finite and >= 0", __func__,
                        weight);
    int b = pl_band_of_age(est->band_lo, est->n_bands, age);
    int j = to == PLANOMSORG_LEVEL_DEATH ? est->K : to;
    pl_estimate_cell(est, b, sex)[(size_t)from * (size_t)(est->K + 1) + (size_t)j] += weight;
    return PLANOMSORG_OK;
}

size_t planomsorg_estimate_n_issues(const planomsorg_estimate *est)
{
    return est == NULL ? 0 : est->n_issues;
}

int planomsorg_estimate_issue(size_t *line, int *kind, const char **message,
                              const planomsorg_estimate *est, size_t index)
{
    PL_CHECK_NULL(est);
    if (index >= est->n_issues)
        return pl_error(PLANOMSORG_ERANGE, "%s: issue %zu of %zu", __func__, index,
                        est->n_issues);
    const struct pl_issue *is = &est->issues[index];
    if (line != NULL)
        *line = is->line;
    if (kind != NULL)
        *kind = is->kind;
    if (message != NULL)
        *message = is->message;
    return PLANOMSORG_OK;
}

int planomsorg_estimate_panel_size(size_t *rows, size_t *persons, double *transitions,
                                   const planomsorg_estimate *est)
{
    PL_CHECK_NULL(est);
    if (rows != NULL)
        *rows = est->rows;
    if (persons != NULL)
        *persons = est->persons;
    if (transitions != NULL) {
        double t = 0;
        size_t n = (size_t)est->n_bands * 2 * cell_size(est->K);
        for (size_t i = 0; i < n; i++)
            t += est->counts[i];
        *transitions = t;
    }
    return PLANOMSORG_OK;
}

int planomsorg_estimate_n_levels(const planomsorg_estimate *est)
{
    return est == NULL ? 0 : est->K;
}

int planomsorg_estimate_n_bands(const planomsorg_estimate *est)
{
    return est == NULL ? 0 : est->n_bands;
}

static int check_band(const planomsorg_estimate *est, int band, const char *what)
{
    if (band < 0 || band >= est->n_bands)
        return pl_error(PLANOMSORG_ERANGE, "%s: band %d outside 0..%d", what, band,
                        est->n_bands - 1);
    return PLANOMSORG_OK;
}

int planomsorg_estimate_band_lo(int *age_lo, const planomsorg_estimate *est, int band)
{
    PL_CHECK_NULL(age_lo);
    PL_CHECK_NULL(est);
    int rc = check_band(est, band, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *age_lo = est->band_lo[band];
    return PLANOMSORG_OK;
}

int planomsorg_estimate_set_prior(planomsorg_estimate *est, int kind, double weight)
{
    PL_CHECK_NULL(est);
    int rc = pl_check_code(kind, PLANOMSORG_N_PRIORS, "prior", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (!(weight > 0) || !isfinite(weight))
        return pl_error(PLANOMSORG_EVALUE, "%s: prior weight %g is not finite and > 0",
                        __func__, weight);
    est->prior_kind = kind;
    est->prior_weight = weight;
    return PLANOMSORG_OK;
}

int planomsorg_estimate_set_pooling(planomsorg_estimate *est, double min_count)
{
    PL_CHECK_NULL(est);
    if (!(min_count >= 0) || !isfinite(min_count))
        return pl_error(PLANOMSORG_EVALUE, "%s: minimum count %g is not finite and >= 0",
                        __func__, min_count);
    est->min_count = min_count;
    return PLANOMSORG_OK;
}

static double survivors(const double *row, int K)
{
    double n = 0;
    for (int j = 0; j < K; j++)
        n += row[j];
    return n;
}

static void add_row(double *acc, const planomsorg_estimate *est, int band, int sex, int i)
{
    const double *r = pl_estimate_cell(est, band, sex) + (size_t)i * (size_t)(est->K + 1);
    for (int j = 0; j <= est->K; j++)
        acc[j] += r[j];
}

/* Pooling rule (docs/methods/estimation.md): widen symmetrically over the bands of the
 * same sex, b-1 and b+1 together, then the other sex in the same order, until the row
 * has min_count survivors. */
double pl_estimate_pooled_row(const planomsorg_estimate *est, int band, int sex, int i,
                              double *row)
{
    int K = est->K, nb = est->n_bands;
    memset(row, 0, (size_t)(K + 1) * sizeof *row);
    add_row(row, est, band, sex, i);
    double need = est->min_count;
    if (survivors(row, K) >= need || need <= 0)
        return survivors(row, K);
    for (int pass = 0; pass < 2; pass++) {
        int s = pass == 0 ? sex : 1 - sex;
        if (pass == 1) {
            add_row(row, est, band, s, i);
            if (survivors(row, K) >= need)
                break;
        }
        for (int d = 1; d < nb; d++) {
            if (band - d < 0 && band + d >= nb)
                break;
            if (band - d >= 0)
                add_row(row, est, band - d, s, i);
            if (band + d < nb)
                add_row(row, est, band + d, s, i);
            if (survivors(row, K) >= need)
                return survivors(row, K);
        }
    }
    return survivors(row, K);
}

void pl_estimate_prior_row(const planomsorg_estimate *est, int sex, int i, double *alpha)
{
    int K = est->K;
    double w = est->prior_weight;
    if (est->prior_kind == PLANOMSORG_PRIOR_POOLED) {
        double acc[PLANOMSORG_MAX_LEVELS + 1] = {0};
        for (int b = 0; b < est->n_bands; b++)
            add_row(acc, est, b, sex, i);
        double n = survivors(acc, K);
        if (n > 0) {
            for (int j = 0; j < K; j++)
                alpha[j] = w * acc[j] / n;
            return;
        }
    }
    for (int j = 0; j < K; j++)
        alpha[j] = w / K;
}

static int check_band_sex(const planomsorg_estimate *est, int band, int sex, int allow_both,
                          const char *what)
{
    int rc = check_band(est, band, what);
    return rc != PLANOMSORG_OK ? rc : pl_population_check_sex(sex, allow_both, what);
}

int planomsorg_estimate_counts(double *counts, size_t n, const planomsorg_estimate *est,
                               int band, int sex, int pooled)
{
    PL_CHECK_NULL(counts);
    PL_CHECK_NULL(est);
    int rc = check_band_sex(est, band, sex, 1, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int K = est->K;
    if (n != cell_size(K))
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n is %zu, expected K*(K+1) = %zu", __func__,
                        n, cell_size(K));
    memset(counts, 0, n * sizeof *counts);
    for (int s = 0; s < 2; s++) {
        if (sex != PLANOMSORG_SEX_BOTH && s != sex)
            continue;
        for (int i = 0; i < K; i++) {
            double row[PLANOMSORG_MAX_LEVELS + 1];
            if (pooled)
                pl_estimate_pooled_row(est, band, s, i, row);
            else {
                memset(row, 0, sizeof row);
                add_row(row, est, band, s, i);
            }
            for (int j = 0; j <= K; j++)
                counts[(size_t)i * (size_t)(K + 1) + (size_t)j] += row[j];
        }
    }
    return PLANOMSORG_OK;
}

int planomsorg_estimate_matrix(double *matrix, double *se, size_t n,
                               const planomsorg_estimate *est, int method, int band, int sex)
{
    PL_CHECK_NULL(matrix);
    PL_CHECK_NULL(est);
    int rc = check_band_sex(est, band, sex, 0, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = pl_check_code(method, PLANOMSORG_N_ESTIMATE_METHODS, "method", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int K = est->K;
    if (n != (size_t)K * (size_t)K)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n is %zu, expected K*K = %d", __func__, n,
                        K * K);
    for (int i = 0; i < K; i++) {
        double row[PLANOMSORG_MAX_LEVELS + 1], alpha[PLANOMSORG_MAX_LEVELS];
        double ni = pl_estimate_pooled_row(est, band, sex, i, row);
        double *m = matrix + (size_t)i * (size_t)K;
        double *e = se == NULL ? NULL : se + (size_t)i * (size_t)K;
        if (method == PLANOMSORG_ESTIMATE_ML) {
            for (int j = 0; j < K; j++) {
                if (ni > 0) {
                    m[j] = row[j] / ni;
                    if (e != NULL)
                        e[j] = sqrt(m[j] * (1 - m[j]) / ni);
                } else {
                    m[j] = j == i ? 1.0 : 0.0;
                    if (e != NULL)
                        e[j] = NAN;
                }
            }
            continue;
        }
        pl_estimate_prior_row(est, sex, i, alpha);
        double a0 = 0;
        for (int j = 0; j < K; j++)
            a0 += alpha[j];
        for (int j = 0; j < K; j++) {
            m[j] = (row[j] + alpha[j]) / (ni + a0);
            if (e != NULL)
                e[j] = sqrt(m[j] * (1 - m[j]) / (ni + a0 + 1));
        }
    }
    /* Rounding may leave a row summing to 1 +- a few ulps: put the difference on the
     * largest entry so that the row passes the transitions' check exactly. */
    for (int i = 0; i < K; i++) {
        double *m = matrix + (size_t)i * (size_t)K, sum = 0;
        int big = 0;
        for (int j = 0; j < K; j++) {
            sum += m[j];
            if (m[j] > m[big])
                big = j;
        }
        m[big] += 1.0 - sum;
    }
    return PLANOMSORG_OK;
}

void pl_estimate_draw_matrix(const planomsorg_estimate *est, int band, int sex, gsl_rng *rng,
                             double *matrix)
{
    int K = est->K;
    for (int i = 0; i < K; i++) {
        double row[PLANOMSORG_MAX_LEVELS + 1], alpha[PLANOMSORG_MAX_LEVELS];
        double *m = matrix + (size_t)i * (size_t)K;
        pl_estimate_pooled_row(est, band, sex, i, row);
        pl_estimate_prior_row(est, sex, i, alpha);
        double sum = 0;
        for (int j = 0; j < K; j++) {
            double a = row[j] + alpha[j];
            m[j] = a > 0 ? gsl_ran_gamma(rng, a, 1.0) : 0.0;
            sum += m[j];
        }
        if (sum > 0) {
            for (int j = 0; j < K; j++)
                m[j] /= sum;
        } else {
            /* Every gamma underflowed (tiny alphas): use the posterior mean. */
            double a0 = 0;
            for (int j = 0; j < K; j++)
                a0 += row[j] + alpha[j];
            for (int j = 0; j < K; j++)
                m[j] = a0 > 0 ? (row[j] + alpha[j]) / a0 : (j == i);
        }
    }
}

/* Poisson model of deaths with band-sex strata: alternating ML updates (each is the
 * closed-form maximiser given the other factor). */
int planomsorg_estimate_mortality(double *mortality, double *se, size_t n,
                                  const planomsorg_estimate *est)
{
    PL_CHECK_NULL(mortality);
    PL_CHECK_NULL(est);
    int K = est->K, S = est->n_bands * 2;
    if (n != (size_t)K)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n is %zu, expected K = %d", __func__, n, K);
    double *N = calloc((size_t)S * (size_t)K, sizeof *N);
    double *D = calloc((size_t)S * (size_t)K, sizeof *D);
    double *q = calloc((size_t)S, sizeof *q);
    if (N == NULL || D == NULL || q == NULL) {
        free(N), free(D), free(q);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    double Dk[PLANOMSORG_MAX_LEVELS] = {0}, Nk[PLANOMSORG_MAX_LEVELS] = {0};
    double mu[PLANOMSORG_MAX_LEVELS];
    for (int s = 0; s < S; s++) {
        const double *c = pl_estimate_cell(est, s / 2, s % 2);
        for (int k = 0; k < K; k++) {
            const double *r = c + (size_t)k * (size_t)(K + 1);
            N[s * K + k] = survivors(r, K) + r[K];
            D[s * K + k] = r[K];
            Nk[k] += N[s * K + k];
            Dk[k] += D[s * K + k];
        }
    }
    int rc = PLANOMSORG_OK;
    if (!(Dk[0] > 0)) {
        rc = pl_error(PLANOMSORG_ENUMERIC,
                      "%s: no deaths observed in level 0 (the reference level)", __func__);
        goto done;
    }
    for (int k = 0; k < K; k++)
        mu[k] = 1.0;
    for (int it = 0; it < 1000; it++) {
        for (int s = 0; s < S; s++) {
            double d = 0, e = 0;
            for (int k = 0; k < K; k++) {
                d += D[s * K + k];
                e += N[s * K + k] * mu[k];
            }
            q[s] = e > 0 ? d / e : 0.0;
        }
        double change = 0;
        for (int k = 0; k < K; k++) {
            if (!(Nk[k] > 0))
                continue;
            double e = 0;
            for (int s = 0; s < S; s++)
                e += N[s * K + k] * q[s];
            double m = e > 0 ? Dk[k] / e : 1.0;
            change = fmax(change, fabs(m - mu[k]) / fmax(mu[k], 1e-300));
            mu[k] = m;
        }
        /* Normalise to the reference level (the fit is invariant: q absorbs the scale). */
        double m0 = mu[0];
        for (int k = 0; k < K; k++)
            if (Nk[k] > 0)
                mu[k] /= m0;
        if (change < 1e-13)
            break;
    }
    for (int k = 0; k < K; k++) {
        mortality[k] = Nk[k] > 0 ? mu[k] : 1.0;
        if (se != NULL)
            se[k] = !(Nk[k] > 0) ? NAN
                    : k == 0     ? 0.0
                    : Dk[k] > 0  ? mu[k] * sqrt(1.0 / Dk[k] + 1.0 / Dk[0])
                                 : INFINITY;
    }
done:
    free(N), free(D), free(q);
    return rc;
}

int planomsorg_estimate_transitions(planomsorg_transitions **out, const planomsorg_estimate *est,
                                    int method)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(est);
    int rc = pl_check_code(method, PLANOMSORG_N_ESTIMATE_METHODS, "method", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_transitions *tr = NULL;
    rc = planomsorg_transitions_new(&tr, est->K, est->band_lo, (size_t)est->n_bands, 0, 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t KK = (size_t)est->K * (size_t)est->K;
    for (int b = 0; b < est->n_bands; b++)
        for (int s = 0; s < 2; s++)
            planomsorg_estimate_matrix(pl_transitions_matrix(tr, 0, b, s), NULL, KK, est, method,
                                       b, s);
    double mu[PLANOMSORG_MAX_LEVELS];
    if (planomsorg_estimate_mortality(mu, NULL, (size_t)est->K, est) == PLANOMSORG_OK) {
        int any = 0;
        for (int k = 0; k < est->K; k++)
            any |= mu[k] > 0;
        if (any)
            memcpy(tr->mortality, mu, (size_t)est->K * sizeof *mu);
    }
    *out = tr;
    return PLANOMSORG_OK;
}

/* ---------- calibration to stocks ---------- */

/* T' with entries into j scaled by c[j] (rows whose off-diagonal mass would exceed 1
 * are scaled back to 1) and the stayers of row i > 0 scaled by r[i] <= 1, the persons
 * released going to level 0 (no services). Fills stay_full[i] with the diagonal before r. */
static void scale_entries(const double *T, const double *c, const double *r, int K, double *out,
                          double *stay_full)
{
    for (int i = 0; i < K; i++) {
        double off = 0;
        for (int j = 0; j < K; j++)
            if (j != i) {
                out[i * K + j] = T[i * K + j] * c[j];
                off += out[i * K + j];
            }
        if (off > 1.0) {
            for (int j = 0; j < K; j++)
                if (j != i)
                    out[i * K + j] /= off;
            off = 1.0;
        }
        double diag = 1.0 - off;
        if (stay_full != NULL)
            stay_full[i] = diag;
        double ri = r == NULL ? 1.0 : r[i];
        if (ri < 1.0 && i != 0) {
            double moved = diag * (1.0 - ri);
            out[i * K + 0] += moved;
            diag -= moved;
        }
        out[i * K + i] = diag;
    }
}

struct calib {
    const planomsorg_transitions *tr;
    const double *start, *target;
    const int *tb_of; /* target band of each band of tr */
    int K, nb, ntb, slot;
};

/* Projects with entry factors c and retention factors r [target band][level]; fills
 * proj, stay (persons who would stay in j with r = 1) and entries (unscaled entries
 * into j), all [target band][level]. */
static void calib_project(const struct calib *cb, const double *c, const double *r, double *proj,
                          double *stay, double *entries)
{
    int K = cb->K;
    size_t n = (size_t)cb->ntb * (size_t)K;
    memset(proj, 0, n * sizeof *proj);
    memset(stay, 0, n * sizeof *stay);
    memset(entries, 0, n * sizeof *entries);
    double T1[PLANOMSORG_MAX_LEVELS * PLANOMSORG_MAX_LEVELS], full[PLANOMSORG_MAX_LEVELS];
    for (int b = 0; b < cb->nb; b++) {
        int tb = cb->tb_of[b];
        const double *cf = c + (size_t)tb * (size_t)K, *rf = r + (size_t)tb * (size_t)K;
        for (int s = 0; s < 2; s++) {
            const double *T = pl_transitions_matrix(cb->tr, cb->slot, b, s);
            scale_entries(T, cf, rf, K, T1, full);
            const double *x = cb->start + ((size_t)b * 2 + (size_t)s) * (size_t)K;
            for (int i = 0; i < K; i++) {
                stay[tb * K + i] += x[i] * full[i];
                for (int j = 0; j < K; j++) {
                    proj[tb * K + j] += x[i] * T1[i * K + j];
                    if (i != j)
                        entries[tb * K + j] += x[i] * T[i * K + j];
                }
            }
        }
    }
}

static double calib_fit(const struct calib *cb, const double *proj, double *chi2, int *worst)
{
    double mx = 0, x2 = 0;
    *worst = 0;
    for (int m = 0; m < cb->ntb * cb->K; m++) {
        double o = cb->target[m];
        if (isnan(o))
            continue;
        double den = fmax(o, 1.0), d = proj[m] - o;
        x2 += d * d / den;
        if (fabs(d) / den > mx) {
            mx = fabs(d) / den;
            *worst = m;
        }
    }
    *chi2 = x2;
    return mx;
}

static int calib_check(const planomsorg_transitions *tr, const double *start, size_t n_start,
                       const double *target, size_t n_target, const int *target_band_lo,
                       size_t n_target_bands, int max_iter, double tol, int *tb_of)
{
    const char *f = "planomsorg_estimate_calibrate";
    int rc = pl_check_bands(target_band_lo, n_target_bands, f);
    if (rc != PLANOMSORG_OK)
        return rc;
    int K = tr->n_levels, nb = tr->n_bands;
    if (n_start != (size_t)nb * 2 * (size_t)K)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n_start is %zu, expected n_bands*2*K = %d",
                        f, n_start, nb * 2 * K);
    if (n_target != n_target_bands * (size_t)K)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "%s: n_target is %zu, expected n_target_bands*K = %zu", f, n_target,
                        n_target_bands * (size_t)K);
    for (size_t m = 0; m < n_start; m++)
        if (!(start[m] >= 0) || !isfinite(start[m]))
            return pl_error(PLANOMSORG_EVALUE, "%s: start[%zu] = %g is not finite and >= 0", f,
                            m, start[m]);
    for (size_t m = 0; m < n_target; m++)
        if (!isnan(target[m]) && (!(target[m] >= 0) || !isfinite(target[m])))
            return pl_error(PLANOMSORG_EVALUE,
                            "%s: target[%zu] = %g is neither NaN nor finite and >= 0", f, m,
                            target[m]);
    if (max_iter < 1 || max_iter > 100000)
        return pl_error(PLANOMSORG_ERANGE, "%s: max_iter %d outside 1..100000", f, max_iter);
    if (!(tol > 0) || !isfinite(tol))
        return pl_error(PLANOMSORG_EVALUE, "%s: tolerance %g is not finite and > 0", f, tol);
    int ntb = (int)n_target_bands;
    for (int b = 0; b < nb; b++) {
        int tb = pl_band_of_age(target_band_lo, ntb, tr->band_lo[b]);
        int last_tb = b + 1 < nb ? pl_band_of_age(target_band_lo, ntb, tr->band_lo[b + 1] - 1)
                                 : ntb - 1;
        if (last_tb != tb)
            return pl_error(PLANOMSORG_ECONSISTENCY,
                            "%s: the transitions' band from age %d is not within one target "
                            "band (it spans target bands from ages %d and %d)",
                            f, tr->band_lo[b], target_band_lo[tb], target_band_lo[last_tb]);
        tb_of[b] = tb;
    }
    return PLANOMSORG_OK;
}

int planomsorg_estimate_calibrate(planomsorg_transitions **out, double *fit, size_t n_fit,
                                  const planomsorg_transitions *tr, const double *start,
                                  size_t n_start, const double *target, size_t n_target,
                                  const int *target_band_lo, size_t n_target_bands, int year,
                                  int max_iter, double tol)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(tr);
    PL_CHECK_NULL(start);
    PL_CHECK_NULL(target);
    if (fit != NULL && n_fit < PLANOMSORG_CALIB_N_FIT)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n_fit is %zu, need %d", __func__, n_fit,
                        PLANOMSORG_CALIB_N_FIT);
    int tb_of[PLANOMSORG_MAX_AGE_BANDS];
    int rc = calib_check(tr, start, n_start, target, n_target, target_band_lo, n_target_bands,
                         max_iter, tol, tb_of);
    if (rc != PLANOMSORG_OK)
        return rc;
    int K = tr->n_levels, ntb = (int)n_target_bands;
    struct calib cb = {tr, start, target, tb_of, K, tr->n_bands, ntb,
                       pl_transitions_slot(tr, year)};
    size_t n = (size_t)ntb * (size_t)K;
    double *buf = malloc(5 * n * sizeof *buf);
    if (buf == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    double *c = buf, *r = buf + n, *proj = buf + 2 * n, *stay = buf + 3 * n, *entr = buf + 4 * n;
    for (size_t m = 0; m < n; m++)
        c[m] = r[m] = 1.0;
    double chi2, before, err;
    int worst, it;
    calib_project(&cb, c, r, proj, stay, entr);
    before = err = calib_fit(&cb, proj, &chi2, &worst);
    /* Fixed-point iteration: the projected stock of j is about r_j * stay_j + c_j * entries_j
     * (stay_j and the released persons depend on the other factors). More persons than
     * the stayers: r = 1 and c solves the equation; fewer: c = 0 and r does. */
    for (it = 0; it < max_iter && err > tol; it++) {
        for (size_t m = 0; m < n; m++) {
            if (isnan(target[m]))
                continue;
            if (target[m] >= stay[m] || m % (size_t)K == 0) {
                r[m] = 1.0;
                if (entr[m] > 0)
                    c[m] = (target[m] - stay[m]) / entr[m];
            } else {
                c[m] = 0.0;
                r[m] = stay[m] > 0 ? target[m] / stay[m] : 1.0;
            }
        }
        calib_project(&cb, c, r, proj, stay, entr);
        err = calib_fit(&cb, proj, &chi2, &worst);
    }
    if (fit != NULL) {
        fit[PLANOMSORG_CALIB_ITERATIONS] = it;
        fit[PLANOMSORG_CALIB_MAX_REL] = err;
        fit[PLANOMSORG_CALIB_CHI2] = chi2;
        fit[PLANOMSORG_CALIB_MAX_REL_BEFORE] = before;
    }
    if (err > tol) {
        rc = pl_error(PLANOMSORG_ECONVERGE,
                      "%s: no fit within %g after %d iterations: band from age %d, level %d "
                      "projected %.6g, observed %.6g (relative deviation %.3g)",
                      __func__, tol, it, target_band_lo[worst / K], worst % K, proj[worst],
                      target[worst], err);
        free(buf);
        return rc;
    }
    planomsorg_transitions *res = NULL;
    rc = planomsorg_transitions_copy(&res, tr);
    if (rc != PLANOMSORG_OK) {
        free(buf);
        return rc;
    }
    int slots = tr->n_years == 0 ? 1 : tr->n_years;
    double T1[PLANOMSORG_MAX_LEVELS * PLANOMSORG_MAX_LEVELS];
    for (int sl = 0; sl < slots; sl++)
        for (int b = 0; b < tr->n_bands; b++)
            for (int s = 0; s < 2; s++) {
                double *T = pl_transitions_matrix(res, sl, b, s);
                scale_entries(T, c + (size_t)tb_of[b] * (size_t)K, r + (size_t)tb_of[b] * (size_t)K,
                              K, T1, NULL);
                memcpy(T, T1, (size_t)K * (size_t)K * sizeof *T);
            }
    free(buf);
    *out = res;
    return PLANOMSORG_OK;
}

const char *planomsorg_panel_issue_name(int kind)
{
    static const char *const names[PLANOMSORG_N_PANEL_ISSUES] = {
        "unknown_level", "value", "duplicate", "age", "sex", "after_death", "gap"};
    return kind >= 0 && kind < PLANOMSORG_N_PANEL_ISSUES ? names[kind] : NULL;
}

const char *planomsorg_panel_flag_name(unsigned flag)
{
    return flag == PLANOMSORG_PANEL_SKIP_BAD ? "skip_bad" : NULL;
}

const char *planomsorg_calib_fit_name(int index)
{
    static const char *const names[PLANOMSORG_CALIB_N_FIT] = {"iterations", "max_rel", "chi2",
                                                              "max_rel_before"};
    return index >= 0 && index < PLANOMSORG_CALIB_N_FIT ? names[index] : NULL;
}

const char *planomsorg_estimate_method_name(int method)
{
    static const char *const names[PLANOMSORG_N_ESTIMATE_METHODS] = {"ml", "posterior"};
    return method >= 0 && method < PLANOMSORG_N_ESTIMATE_METHODS ? names[method] : NULL;
}

const char *planomsorg_prior_name(int kind)
{
    static const char *const names[PLANOMSORG_N_PRIORS] = {"uniform", "pooled"};
    return kind >= 0 && kind < PLANOMSORG_N_PRIORS ? names[kind] : NULL;
}
