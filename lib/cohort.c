/* Generic Markov cohort engine (docs/methods/cohort.md). */
#include "planomsorg/cohort.h"

#include "check.h"
#include "error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct planomsorg_cohort {
    int n_states;
    int n_cycles;
    char **names;
    double *initial;          /* n_states */
    double *matrix_default;   /* n_states^2 or NULL */
    double **matrix_cycle;    /* n_cycles + 1 entries (index 0 unused), each NULL or n_states^2 */
    double *values_default;   /* n_states or NULL */
    double **values_cycle;    /* n_cycles + 1 entries, each NULL or n_states */
    double discount;
    int half_cycle;
};

struct planomsorg_cohort_result {
    int n_states;
    int n_cycles;
    double *trace;     /* (n_cycles + 1) x n_states */
    int *absorbing;    /* n_states */
    double *per_cycle; /* (n_cycles + 1) x N_MEASURES, row 0 unused (zeros) */
    double totals[PLANOMSORG_COHORT_N_MEASURES];
};

static const char *const measure_names[PLANOMSORG_COHORT_N_MEASURES] = {
    [PLANOMSORG_COHORT_LIFE_YEARS] = "life_years",
    [PLANOMSORG_COHORT_LIFE_YEARS_DISCOUNTED] = "life_years_discounted",
    [PLANOMSORG_COHORT_VALUE_TOTAL] = "value_total",
    [PLANOMSORG_COHORT_VALUE_DISCOUNTED] = "value_discounted",
};

const char *planomsorg_cohort_measure_name(int measure)
{
    if (measure < 0 || measure >= PLANOMSORG_COHORT_N_MEASURES)
        return NULL;
    return measure_names[measure];
}

static char *dup_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d != NULL)
        memcpy(d, s, n);
    return d;
}

void planomsorg_cohort_free(planomsorg_cohort *model)
{
    if (model == NULL)
        return;
    if (model->names != NULL)
        for (int i = 0; i < model->n_states; i++)
            free(model->names[i]);
    free(model->names);
    free(model->initial);
    free(model->matrix_default);
    free(model->values_default);
    if (model->matrix_cycle != NULL)
        for (int t = 0; t <= model->n_cycles; t++)
            free(model->matrix_cycle[t]);
    if (model->values_cycle != NULL)
        for (int t = 0; t <= model->n_cycles; t++)
            free(model->values_cycle[t]);
    free(model->matrix_cycle);
    free(model->values_cycle);
    free(model);
}

int planomsorg_cohort_new(planomsorg_cohort **out, int n_states, const char *const *names,
                          int n_cycles)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(names);
    if (n_states < 1 || n_states > PLANOMSORG_COHORT_MAX_STATES)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of states %d outside 1..%d", __func__,
                        n_states, PLANOMSORG_COHORT_MAX_STATES);
    if (n_cycles < 1 || n_cycles > PLANOMSORG_COHORT_MAX_CYCLES)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of cycles %d outside 1..%d", __func__,
                        n_cycles, PLANOMSORG_COHORT_MAX_CYCLES);
    for (int i = 0; i < n_states; i++) {
        if (names[i] == NULL || names[i][0] == '\0')
            return pl_error(PLANOMSORG_EINVAL, "%s: state %d has no name", __func__, i);
        for (int j = 0; j < i; j++)
            if (strcmp(names[i], names[j]) == 0)
                return pl_error(PLANOMSORG_EDUPLICATE, "%s: state name '%s' given twice (states %d and %d)",
                                __func__, names[i], j, i);
    }
    planomsorg_cohort *m = calloc(1, sizeof *m);
    if (m == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    m->n_states = n_states;
    m->n_cycles = n_cycles;
    m->names = calloc((size_t)n_states, sizeof *m->names);
    m->initial = calloc((size_t)n_states, sizeof *m->initial);
    m->matrix_cycle = calloc((size_t)n_cycles + 1, sizeof *m->matrix_cycle);
    m->values_cycle = calloc((size_t)n_cycles + 1, sizeof *m->values_cycle);
    int ok = m->names != NULL && m->initial != NULL && m->matrix_cycle != NULL &&
             m->values_cycle != NULL;
    for (int i = 0; ok && i < n_states; i++)
        ok = (m->names[i] = dup_string(names[i])) != NULL;
    if (!ok) {
        planomsorg_cohort_free(m);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    m->initial[0] = 1.0;
    *out = m;
    return PLANOMSORG_OK;
}

int planomsorg_cohort_n_states(const planomsorg_cohort *model)
{
    return model == NULL ? 0 : model->n_states;
}

int planomsorg_cohort_n_cycles(const planomsorg_cohort *model)
{
    return model == NULL ? 0 : model->n_cycles;
}

const char *planomsorg_cohort_state_name(const planomsorg_cohort *model, int state)
{
    if (model == NULL || state < 0 || state >= model->n_states)
        return NULL;
    return model->names[state];
}

int planomsorg_cohort_state_index(int *out, const planomsorg_cohort *model, const char *name)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(model);
    PL_CHECK_NULL(name);
    return pl_find_name(out, (const char *const *)model->names, model->n_states, name, "state",
                        __func__);
}

static int check_cycle(const planomsorg_cohort *m, int cycle, const char *function)
{
    if (cycle < 0 || cycle > m->n_cycles)
        return pl_error(PLANOMSORG_ERANGE, "%s: cycle %d outside 0 (every cycle) .. %d", function,
                        cycle, m->n_cycles);
    return PLANOMSORG_OK;
}

static void cycle_label(char *buf, size_t size, int cycle)
{
    if (cycle == PLANOMSORG_COHORT_ALL_CYCLES)
        snprintf(buf, size, "every cycle");
    else
        snprintf(buf, size, "%d", cycle);
}

/* Names the cycle, the row (index and state) and the column of the first problem. */
static int check_stochastic(const planomsorg_cohort *m, int cycle, const double *p)
{
    int n = m->n_states;
    char cyc[32];
    cycle_label(cyc, sizeof cyc, cycle);
    for (int i = 0; i < n; i++) {
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            double v = p[(size_t)i * (size_t)n + (size_t)j];
            if (isnan(v) || v < 0.0 || v > 1.0)
                return pl_error(PLANOMSORG_ESTOCHASTIC,
                                "planomsorg_cohort_set_matrix: cycle %s, row %d ('%s'), column %d "
                                "('%s'): probability %g is %s",
                                cyc, i, m->names[i], j, m->names[j], v,
                                isnan(v) ? "not a number" : v < 0.0 ? "negative" : "greater than 1");
            sum += v;
        }
        if (fabs(sum - 1.0) > PLANOMSORG_COHORT_TOLERANCE)
            return pl_error(PLANOMSORG_ESTOCHASTIC,
                            "planomsorg_cohort_set_matrix: cycle %s, row %d ('%s'): probabilities "
                            "sum to %.12g, not 1",
                            cyc, i, m->names[i], sum);
    }
    return PLANOMSORG_OK;
}

/* Copies n doubles into *slot, allocating it on first use. */
static int store(double **slot, const double *src, size_t n, const char *function)
{
    if (*slot == NULL) {
        *slot = malloc(n * sizeof **slot);
        if (*slot == NULL)
            return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", function);
    }
    memcpy(*slot, src, n * sizeof *src);
    return PLANOMSORG_OK;
}

int planomsorg_cohort_set_matrix(planomsorg_cohort *model, int cycle, const double *p)
{
    PL_CHECK_NULL(model);
    PL_CHECK_NULL(p);
    int rc = check_cycle(model, cycle, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = check_stochastic(model, cycle, p);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t n2 = (size_t)model->n_states * (size_t)model->n_states;
    double **slot = cycle == PLANOMSORG_COHORT_ALL_CYCLES ? &model->matrix_default
                                                          : &model->matrix_cycle[cycle];
    return store(slot, p, n2, __func__);
}

int planomsorg_cohort_set_initial(planomsorg_cohort *model, const double *share)
{
    PL_CHECK_NULL(model);
    PL_CHECK_NULL(share);
    double sum = 0.0;
    for (int i = 0; i < model->n_states; i++) {
        if (!isfinite(share[i]) || share[i] < 0.0)
            return pl_error(PLANOMSORG_EVALUE, "%s: share of state %d ('%s') is %g, not a finite "
                            "number >= 0", __func__, i, model->names[i], share[i]);
        sum += share[i];
    }
    if (fabs(sum - 1.0) > PLANOMSORG_COHORT_TOLERANCE)
        return pl_error(PLANOMSORG_EVALUE, "%s: initial shares sum to %.12g, not 1", __func__, sum);
    memcpy(model->initial, share, (size_t)model->n_states * sizeof *share);
    return PLANOMSORG_OK;
}

int planomsorg_cohort_set_values(planomsorg_cohort *model, int cycle, const double *values)
{
    PL_CHECK_NULL(model);
    PL_CHECK_NULL(values);
    int rc = check_cycle(model, cycle, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (int i = 0; i < model->n_states; i++)
        if (!isfinite(values[i]))
            return pl_error(PLANOMSORG_EVALUE, "%s: value of state %d ('%s') in cycle %d is %g, "
                            "not a finite number", __func__, i, model->names[i], cycle, values[i]);
    double **slot = cycle == PLANOMSORG_COHORT_ALL_CYCLES ? &model->values_default
                                                          : &model->values_cycle[cycle];
    return store(slot, values, (size_t)model->n_states, __func__);
}

int planomsorg_cohort_set_discount(planomsorg_cohort *model, double rate)
{
    PL_CHECK_NULL(model);
    if (!(rate >= 0.0 && rate <= 1.0))
        return pl_error(PLANOMSORG_EVALUE, "%s: discount rate %g outside [0, 1]", __func__, rate);
    model->discount = rate;
    return PLANOMSORG_OK;
}

int planomsorg_cohort_set_half_cycle(planomsorg_cohort *model, int on)
{
    PL_CHECK_NULL(model);
    model->half_cycle = on != 0;
    return PLANOMSORG_OK;
}

void planomsorg_cohort_result_free(planomsorg_cohort_result *result)
{
    if (result == NULL)
        return;
    free(result->trace);
    free(result->absorbing);
    free(result->per_cycle);
    free(result);
}

static const double *matrix_of(const planomsorg_cohort *m, int t)
{
    return m->matrix_cycle[t] != NULL ? m->matrix_cycle[t] : m->matrix_default;
}

static const double *values_of(const planomsorg_cohort *m, int t)
{
    return m->values_cycle[t] != NULL ? m->values_cycle[t] : m->values_default;
}

int planomsorg_cohort_run(planomsorg_cohort_result **out, const planomsorg_cohort *model)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(model);
    int n = model->n_states, nc = model->n_cycles;
    for (int t = 1; t <= nc; t++)
        if (matrix_of(model, t) == NULL)
            return pl_error(PLANOMSORG_EMISSING, "%s: no transition matrix for cycle %d and no "
                            "default matrix", __func__, t);
    planomsorg_cohort_result *r = calloc(1, sizeof *r);
    if (r == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    r->n_states = n;
    r->n_cycles = nc;
    r->trace = calloc(((size_t)nc + 1) * (size_t)n, sizeof *r->trace);
    r->absorbing = calloc((size_t)n, sizeof *r->absorbing);
    r->per_cycle = calloc(((size_t)nc + 1) * PLANOMSORG_COHORT_N_MEASURES, sizeof *r->per_cycle);
    if (r->trace == NULL || r->absorbing == NULL || r->per_cycle == NULL) {
        planomsorg_cohort_result_free(r);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    for (int i = 0; i < n; i++) {
        int absorbing = 1;
        for (int t = 1; t <= nc && absorbing; t++)
            absorbing = matrix_of(model, t)[(size_t)i * (size_t)n + (size_t)i] >=
                        1.0 - PLANOMSORG_COHORT_TOLERANCE;
        r->absorbing[i] = absorbing;
    }
    memcpy(r->trace, model->initial, (size_t)n * sizeof *r->trace);
    for (int t = 1; t <= nc; t++) {
        const double *prev = r->trace + (size_t)(t - 1) * (size_t)n;
        double *cur = r->trace + (size_t)t * (size_t)n;
        const double *p = matrix_of(model, t);
        for (int i = 0; i < n; i++) {
            if (prev[i] == 0.0)
                continue;
            const double *row = p + (size_t)i * (size_t)n;
            for (int j = 0; j < n; j++)
                cur[j] += prev[i] * row[j];
        }
        double discount = pow(1.0 + model->discount, -(double)t);
        const double *v = values_of(model, t);
        double alive = 0.0, value = 0.0;
        for (int i = 0; i < n; i++) {
            double occ = model->half_cycle ? 0.5 * (prev[i] + cur[i]) : cur[i];
            if (!r->absorbing[i])
                alive += occ;
            if (v != NULL)
                value += occ * v[i];
        }
        double *pc = r->per_cycle + (size_t)t * PLANOMSORG_COHORT_N_MEASURES;
        pc[PLANOMSORG_COHORT_LIFE_YEARS] = alive;
        pc[PLANOMSORG_COHORT_LIFE_YEARS_DISCOUNTED] = alive * discount;
        pc[PLANOMSORG_COHORT_VALUE_TOTAL] = value;
        pc[PLANOMSORG_COHORT_VALUE_DISCOUNTED] = value * discount;
        for (int k = 0; k < PLANOMSORG_COHORT_N_MEASURES; k++) {
            r->totals[k] += pc[k];
            /* finite values can still overflow a sum (e.g. 1e308 in two states) */
            if (!isfinite(r->totals[k])) {
                planomsorg_cohort_result_free(r);
                return pl_error(PLANOMSORG_ENUMERIC, "%s: %s overflows in cycle %d (values too "
                                "large)", __func__, measure_names[k], t);
            }
        }
    }
    *out = r;
    return PLANOMSORG_OK;
}

int planomsorg_cohort_result_n_cycles(const planomsorg_cohort_result *result)
{
    return result == NULL ? 0 : result->n_cycles;
}

int planomsorg_cohort_result_n_states(const planomsorg_cohort_result *result)
{
    return result == NULL ? 0 : result->n_states;
}

const double *planomsorg_cohort_result_trace(const planomsorg_cohort_result *result)
{
    return result == NULL ? NULL : result->trace;
}

int planomsorg_cohort_result_absorbing(int *out, const planomsorg_cohort_result *result, int state)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(result);
    if (state < 0 || state >= result->n_states)
        return pl_error(PLANOMSORG_ERANGE, "%s: state %d outside 0..%d", __func__, state,
                        result->n_states - 1);
    *out = result->absorbing[state];
    return PLANOMSORG_OK;
}

static int check_measure(int measure, const char *function)
{
    if (measure < 0 || measure >= PLANOMSORG_COHORT_N_MEASURES)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown measure code %d", function, measure);
    return PLANOMSORG_OK;
}

int planomsorg_cohort_result_cycle(double *out, const planomsorg_cohort_result *result,
                                   int measure, int cycle)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(result);
    int rc = check_measure(measure, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (cycle < 1 || cycle > result->n_cycles)
        return pl_error(PLANOMSORG_ERANGE, "%s: cycle %d outside 1..%d", __func__, cycle,
                        result->n_cycles);
    *out = result->per_cycle[(size_t)cycle * PLANOMSORG_COHORT_N_MEASURES + (size_t)measure];
    return PLANOMSORG_OK;
}

int planomsorg_cohort_result_total(double *out, const planomsorg_cohort_result *result,
                                   int measure)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(result);
    int rc = check_measure(measure, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *out = result->totals[measure];
    return PLANOMSORG_OK;
}
