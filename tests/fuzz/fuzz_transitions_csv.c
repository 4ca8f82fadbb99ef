/* Fuzz target: planomsorg_transitions_parse_csv() on arbitrary bytes, against a three-level
 * staircase (none, home, nursing_home). Besides memory errors it checks the reader's
 * contract: on failure *out is NULL and a message is set; on success the bands start at 0
 * and increase, the years are in range, every matrix the object holds (every year, band
 * and sex) has finite entries in [0, 1] and rows summing to 1, and the relative mortality
 * is finite, >= 0 and not all 0. */
#include <planomsorg.h>

#include "fuzz_staircase.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_matrix(const planomsorg_transitions *tr, int year, int band, int sex)
{
    double m[9];
    if (planomsorg_transitions_get_matrix(m, 9, tr, year, band, sex) != PLANOMSORG_OK)
        abort();
    for (int i = 0; i < 3; i++) {
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            double p = m[i * 3 + j];
            if (!(p >= 0 && p <= 1))
                abort();
            sum += p;
        }
        if (fabs(sum - 1) > PLANOMSORG_STOCHASTIC_TOL + 1e-12)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const planomsorg_staircase *sc = pl_fuzz_staircase(0);
    planomsorg_transitions *tr = (planomsorg_transitions *)1;
    int rc = planomsorg_transitions_parse_csv(&tr, (const char *)data, size, "fuzz.csv", sc);
    if (rc != PLANOMSORG_OK) {
        if (tr != NULL || rc > 0 || planomsorg_error_last()[0] == '\0')
            abort();
        return 0;
    }
    if (planomsorg_transitions_n_levels(tr) != 3)
        abort();
    int nb = planomsorg_transitions_n_bands(tr);
    if (nb < 1 || nb > PLANOMSORG_MAX_AGE_BANDS)
        abort();
    int prev = -1;
    for (int b = 0; b < nb; b++) {
        int lo;
        if (planomsorg_transitions_band_lo(&lo, tr, b) != PLANOMSORG_OK || lo <= prev ||
            (b == 0 && lo != 0) || lo > PLANOMSORG_MAX_AGE_LIMIT)
            abort();
        prev = lo;
    }
    int fy, ny;
    if (planomsorg_transitions_years(&fy, &ny, tr) != PLANOMSORG_OK || ny < 0 || ny > 500 ||
        (ny > 0 && (fy < 1800 || fy + ny - 1 > 2300)))
        abort();
    for (int y = 0; y < (ny > 0 ? ny : 1); y++)
        for (int b = 0; b < nb; b++)
            for (int s = 0; s < 2; s++)
                check_matrix(tr, ny > 0 ? fy + y : PLANOMSORG_ANY_YEAR, b, s);
    double mu[3];
    if (planomsorg_transitions_get_mortality(mu, 3, tr) != PLANOMSORG_OK)
        abort();
    int positive = 0;
    for (int k = 0; k < 3; k++) {
        if (!(mu[k] >= 0 && isfinite(mu[k])))
            abort();
        positive += mu[k] > 0;
    }
    if (!positive)
        abort();
    planomsorg_transitions_free(tr);
    return 0;
}

#ifndef PLANOMSORG_LIBFUZZER
#include "fuzz_replay.h"
int main(int argc, char **argv)
{
    return pl_fuzz_replay(argc, argv);
}
#endif
