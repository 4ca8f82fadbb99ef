/* Fuzz target: planomsorg_cohort_parse_csv() on arbitrary bytes. The input holds the
 * three tables in the order initial, transitions, values, separated by lines "##"
 * (without a second separator there is no values table; without any, the transitions
 * table is empty). Each input is read twice, with n_cycles 0 (the largest cycle named)
 * and 3. Besides memory errors it checks the reader's contract: on failure *out is NULL
 * and a message is set; on success the model has the states and cycles asked for, and
 * (when small enough to run quickly) its run has a trace of shares in [0, 1] summing to 1
 * in every cycle and finite life years between 0 and the number of cycles. */
#include <planomsorg.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char SEP[] = "\n##\n";

/* Position of SEP in [p, p + n), or NULL. */
static const char *find_sep(const char *p, size_t n)
{
    size_t k = sizeof SEP - 1;
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, SEP, k) == 0)
            return p + i;
    return NULL;
}

static void check_run(const planomsorg_cohort *m)
{
    int ns = planomsorg_cohort_n_states(m), nc = planomsorg_cohort_n_cycles(m);
    if ((double)ns * ns * nc > 2e6)
        return; /* valid but slow to run: the reader is what is fuzzed */
    planomsorg_cohort_result *r = NULL;
    if (planomsorg_cohort_run(&r, m) != PLANOMSORG_OK)
        abort(); /* the reader guarantees a matrix for every cycle */
    const double *x = planomsorg_cohort_result_trace(r);
    if (x == NULL || planomsorg_cohort_result_n_cycles(r) != nc ||
        planomsorg_cohort_result_n_states(r) != ns)
        abort();
    /* Rows may sum to 1 +- 1e-9 each cycle: the total drifts by at most that per cycle. */
    for (int t = 0; t <= nc; t++) {
        double sum = 0, tol = 2e-9 * (t + 1);
        for (int i = 0; i < ns; i++) {
            double v = x[(size_t)t * (size_t)ns + (size_t)i];
            if (!(v >= 0 && v <= 1 + tol))
                abort();
            sum += v;
        }
        if (!(fabs(sum - 1) <= tol + 1e-12 * ns))
            abort();
    }
    double ly;
    if (planomsorg_cohort_result_total(&ly, r, PLANOMSORG_COHORT_LIFE_YEARS) != PLANOMSORG_OK ||
        !(ly >= 0 && ly <= nc * (1 + 2e-9 * nc)))
        abort();
    planomsorg_cohort_result_free(r);
}

static void read_once(const char *ini, size_t ni, const char *tr, size_t nt, const char *va,
                      size_t nv, int n_cycles)
{
    planomsorg_cohort *m = (planomsorg_cohort *)1;
    int rc = planomsorg_cohort_parse_csv(&m, tr, nt, ini, ni, va, nv, n_cycles);
    if (rc != PLANOMSORG_OK) {
        if (m != NULL || rc > 0 || planomsorg_error_last()[0] == '\0')
            abort();
        return;
    }
    int ns = planomsorg_cohort_n_states(m), nc = planomsorg_cohort_n_cycles(m);
    if (ns < 1 || ns > PLANOMSORG_COHORT_MAX_STATES || nc < 1 ||
        nc > PLANOMSORG_COHORT_MAX_CYCLES || (n_cycles > 0 && nc != n_cycles))
        abort();
    for (int i = 0; i < ns; i++) {
        int k = -1;
        const char *name = planomsorg_cohort_state_name(m, i);
        if (name == NULL || planomsorg_cohort_state_index(&k, m, name) != PLANOMSORG_OK || k != i)
            abort();
    }
    check_run(m);
    planomsorg_cohort_free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    const char *s1 = find_sep(p, size);
    const char *ini = p, *tr = end, *va = NULL;
    size_t ni = size, nt = 0, nv = 0;
    if (s1 != NULL) {
        ni = (size_t)(s1 - p) + 1; /* keep the newline */
        tr = s1 + sizeof SEP - 1;
        nt = (size_t)(end - tr);
        const char *s2 = find_sep(tr, nt);
        if (s2 != NULL) {
            nt = (size_t)(s2 - tr) + 1;
            va = s2 + sizeof SEP - 1;
            nv = (size_t)(end - va);
        }
    }
    read_once(ini, ni, tr, nt, va, nv, 0);
    read_once(ini, ni, tr, nt, va, nv, 3);
    return 0;
}

#ifndef PLANOMSORG_LIBFUZZER
#include "fuzz_replay.h"
int main(int argc, char **argv)
{
    return pl_fuzz_replay(argc, argv);
}
#endif
