/* Fuzz target: planomsorg_population_parse_ssb() on arbitrary bytes, for all regions
 * and for municipality 0301. Besides memory errors it checks the reader's contract:
 * on failure *out is NULL and a message is set; when both succeed, the all-regions sum
 * has the same dimensions and is at least the single region in every cell. */
#include <planomsorg.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static planomsorg_population *parse(const uint8_t *data, size_t size, const char *region)
{
    planomsorg_population *pop = (planomsorg_population *)1;
    int rc = planomsorg_population_parse_ssb(&pop, (const char *)data, size, "fuzz.csv", region);
    if (rc != PLANOMSORG_OK && (pop != NULL || rc > 0 || planomsorg_error_last()[0] == '\0'))
        abort();
    if (rc == PLANOMSORG_OK && pop == NULL)
        abort();
    return pop;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    planomsorg_population *all = parse(data, size, NULL);
    planomsorg_population *oslo = parse(data, size, "0301");
    if (all != NULL && oslo != NULL) {
        size_t n = planomsorg_population_size(all);
        if (planomsorg_population_size(oslo) != n ||
            planomsorg_population_first_year(oslo) != planomsorg_population_first_year(all))
            abort();
        double *a = malloc(n * sizeof *a), *o = malloc(n * sizeof *o);
        if (a == NULL || o == NULL)
            abort();
        if (planomsorg_population_export(all, a, n) != PLANOMSORG_OK ||
            planomsorg_population_export(oslo, o, n) != PLANOMSORG_OK)
            abort();
        for (size_t i = 0; i < n; i++)
            if (!(a[i] >= o[i]) || o[i] < 0)
                abort();
        free(a);
        free(o);
    }
    planomsorg_population_free(all);
    planomsorg_population_free(oslo);
    return 0;
}

#ifndef PLANOMSORG_LIBFUZZER
#include "fuzz_replay.h"
int main(int argc, char **argv)
{
    return pl_fuzz_replay(argc, argv);
}
#endif
