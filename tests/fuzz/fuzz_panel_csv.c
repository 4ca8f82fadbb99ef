/* Fuzz target: planomsorg_estimate_parse_panel_csv() on arbitrary bytes, against a
 * three-level staircase (none, home, nursing_home) and bands from ages 0, 67 and 80, in
 * strict mode and in skip-bad mode. Besides memory errors it checks the reader's contract:
 * on failure *out is NULL and a message is set; strict mode succeeds exactly when skip-bad
 * mode succeeds without issues, and then both count the same; skip-bad issues are in file
 * order with a known kind and a message naming the source; the counts are whole numbers
 * >= 0 that add up to the transitions reported, which are at most the rows accepted (each
 * starts from one), the persons are at most the rows; every ML matrix is row-stochastic. */
#include <planomsorg.h>

#include "fuzz_staircase.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { K = 3, NB = 3 };
static const int band_lo[NB] = {0, 67, 80};

static planomsorg_estimate *parse(const uint8_t *data, size_t size, unsigned flags, int *rc)
{
    planomsorg_estimate *est = (planomsorg_estimate *)1;
    *rc = planomsorg_estimate_parse_panel_csv(&est, (const char *)data, size, "fuzz.csv",
                                              pl_fuzz_staircase(0), band_lo, NB, flags);
    if (*rc != PLANOMSORG_OK) {
        if (est != NULL || *rc > 0 || planomsorg_error_last()[0] == '\0')
            abort();
        return NULL;
    }
    if (est == NULL || planomsorg_estimate_n_levels(est) != K ||
        planomsorg_estimate_n_bands(est) != NB)
        abort();
    return est;
}

static void check_counts(const planomsorg_estimate *est)
{
    size_t rows, persons;
    double transitions;
    if (planomsorg_estimate_panel_size(&rows, &persons, &transitions, est) != PLANOMSORG_OK ||
        persons > rows || !(transitions >= 0) || transitions > (double)rows)
        abort();
    double sum = 0, c[K * (K + 1)], m[K * K];
    for (int b = 0; b < NB; b++)
        for (int s = 0; s < 2; s++) {
            if (planomsorg_estimate_counts(c, K * (K + 1), est, b, s, 0) != PLANOMSORG_OK)
                abort();
            for (int i = 0; i < K * (K + 1); i++) {
                if (!(c[i] >= 0) || c[i] != floor(c[i]))
                    abort();
                sum += c[i];
            }
            if (planomsorg_estimate_matrix(m, NULL, K * K, est, PLANOMSORG_ESTIMATE_ML, b, s) !=
                PLANOMSORG_OK)
                abort();
            for (int i = 0; i < K; i++) {
                double row = 0;
                for (int j = 0; j < K; j++) {
                    if (!(m[i * K + j] >= 0 && m[i * K + j] <= 1))
                        abort();
                    row += m[i * K + j];
                }
                if (fabs(row - 1) > 1e-9)
                    abort();
            }
        }
    if (sum != transitions)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int rc_strict, rc_skip;
    planomsorg_estimate *strict = parse(data, size, PLANOMSORG_PANEL_STRICT, &rc_strict);
    planomsorg_estimate *skip = parse(data, size, PLANOMSORG_PANEL_SKIP_BAD, &rc_skip);
    size_t n_issues = planomsorg_estimate_n_issues(skip);
    if ((strict != NULL) != (skip != NULL && n_issues == 0))
        abort();
    if (strict != NULL) {
        size_t r1, p1, r2, p2;
        double t1, t2;
        if (planomsorg_estimate_n_issues(strict) != 0 ||
            planomsorg_estimate_panel_size(&r1, &p1, &t1, strict) != PLANOMSORG_OK ||
            planomsorg_estimate_panel_size(&r2, &p2, &t2, skip) != PLANOMSORG_OK ||
            r1 != r2 || p1 != p2 || t1 != t2)
            abort();
        check_counts(strict);
    }
    if (skip != NULL) {
        size_t prev = 0;
        for (size_t i = 0; i < n_issues; i++) {
            size_t line;
            int kind;
            const char *msg;
            if (planomsorg_estimate_issue(&line, &kind, &msg, skip, i) != PLANOMSORG_OK ||
                line < prev || kind < 0 || kind >= PLANOMSORG_N_PANEL_ISSUES || msg == NULL ||
                strncmp(msg, "fuzz.csv", 8) != 0)
                abort();
            prev = line;
        }
        check_counts(skip);
    }
    planomsorg_estimate_free(strict);
    planomsorg_estimate_free(skip);
    return 0;
}

#ifndef PLANOMSORG_LIBFUZZER
#include "fuzz_replay.h"
int main(int argc, char **argv)
{
    return pl_fuzz_replay(argc, argv);
}
#endif
