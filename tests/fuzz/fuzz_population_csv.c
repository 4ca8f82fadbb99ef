/* Fuzz target: planomsorg_population_parse_csv() on arbitrary bytes.
 * Besides memory errors it checks the reader's contract: on failure *out is NULL and a
 * message is set; on success the population formats and parses back to the same cells. */
#include <planomsorg.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    planomsorg_population *pop = (planomsorg_population *)1;
    int rc = planomsorg_population_parse_csv(&pop, (const char *)data, size, "fuzz.csv");
    if (rc != PLANOMSORG_OK) {
        if (pop != NULL || rc > 0 || planomsorg_error_last()[0] == '\0')
            abort();
        return 0;
    }
    char *text = NULL;
    size_t len = 0;
    if (planomsorg_population_format_csv(pop, &text, &len) != PLANOMSORG_OK)
        abort();
    planomsorg_population *back = NULL;
    if (planomsorg_population_parse_csv(&back, text, len, "roundtrip") != PLANOMSORG_OK)
        abort();
    size_t n = planomsorg_population_size(pop);
    if (planomsorg_population_size(back) != n ||
        planomsorg_population_first_year(back) != planomsorg_population_first_year(pop) ||
        planomsorg_population_max_age(back) != planomsorg_population_max_age(pop))
        abort();
    double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    if (a == NULL || b == NULL)
        abort();
    if (planomsorg_population_export(pop, a, n) != PLANOMSORG_OK ||
        planomsorg_population_export(back, b, n) != PLANOMSORG_OK)
        abort();
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            abort();
    free(a);
    free(b);
    planomsorg_free(text);
    planomsorg_population_free(back);
    planomsorg_population_free(pop);
    return 0;
}

#ifndef PLANOMSORG_LIBFUZZER
#include "fuzz_replay.h"
int main(int argc, char **argv)
{
    return pl_fuzz_replay(argc, argv);
}
#endif
