/* Fuzz target: planomsorg_services_parse_capacity_csv() on arbitrary bytes, into a services
 * object over a three-level staircase (none, home, nursing_home) that already holds a plan
 * for home (5 places in 2025, 6 in 2026). Besides memory errors it checks the reader's
 * contract: a failure returns a negative code with a message and leaves the object
 * unchanged (a run over 2024..2027 still shows the old plan and no cap on nursing_home);
 * after a success every capacity of the run is +inf or finite and >= 0, and the residual
 * level is never capped. */
#include <planomsorg.h>

#include "fuzz_staircase.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { FIRST = 2024, LAST = 2027 };

static const planomsorg_population *population(void)
{
    static planomsorg_population *pop;
    if (pop == NULL) {
        if (planomsorg_population_new(&pop, FIRST, LAST - FIRST + 1, 2) != PLANOMSORG_OK)
            abort();
        for (int y = FIRST; y <= LAST; y++)
            for (int s = 0; s < 2; s++)
                for (int a = 0; a <= 2; a++)
                    if (planomsorg_population_set(pop, y, s, a, 100) != PLANOMSORG_OK)
                        abort();
    }
    return pop;
}

static planomsorg_result *run(const planomsorg_services *svc)
{
    planomsorg_result *r = NULL;
    if (planomsorg_services_run(&r, svc, population(), FIRST, LAST) != PLANOMSORG_OK)
        abort();
    return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    planomsorg_services *svc = NULL;
    const double old[2] = {5, 6};
    const int band_lo[1] = {0};
    const double rates[6] = {0, 0, 0.2, 0.2, 0.1, 0.1};
    const planomsorg_staircase *sc = pl_fuzz_staircase(PLANOMSORG_LEVEL_FLAG_CAPACITY);
    if (planomsorg_services_new(&svc, sc) != PLANOMSORG_OK ||
        planomsorg_services_set_rates(svc, rates, 6, band_lo, 1) != PLANOMSORG_OK ||
        planomsorg_services_set_capacity(svc, 1, old, 2025, 2) != PLANOMSORG_OK)
        abort();
    int rc = planomsorg_services_parse_capacity_csv(svc, (const char *)data, size, "fuzz.csv");
    if (rc > 0 || (rc != PLANOMSORG_OK && planomsorg_error_last()[0] == '\0'))
        abort();
    planomsorg_result *r = run(svc);
    for (int y = FIRST; y <= LAST; y++)
        for (int level = 0; level < 3; level++) {
            double c;
            if (planomsorg_result_capacity(&c, r, y, level) != PLANOMSORG_OK)
                abort();
            if (level == 0 && !isinf(c))
                abort(); /* the residual level is never capped */
            if (!(c >= 0) || (isinf(c) && c < 0))
                abort();
            if (rc != PLANOMSORG_OK) {
                double want = level == 1 && y >= 2025 ? old[y >= 2026] : INFINITY;
                if (c != want)
                    abort(); /* a failed read changed the plan */
            }
        }
    planomsorg_result_free(r);
    planomsorg_services_free(svc);
    return 0;
}

#ifndef PLANOMSORG_LIBFUZZER
#include "fuzz_replay.h"
int main(int argc, char **argv)
{
    return pl_fuzz_replay(argc, argv);
}
#endif
