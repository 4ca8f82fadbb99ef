/* Fuzz target: planomsorg_ssbproj_parse() on arbitrary bytes. Besides memory errors it
 * checks the reader's contract: on failure *out is NULL and a message is set; on success
 * every region and alternative the handle lists can be queried, each year's band over all
 * groups equals the sum of its table row, and alignment to the table makes a population's
 * group sums equal the targets. */
#include <planomsorg.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_region(const planomsorg_ssbproj *p, const char *region, int alt)
{
    int ny = planomsorg_ssbproj_n_years(p), ng = planomsorg_ssbproj_n_groups(p);
    int first = planomsorg_ssbproj_first_year(p);
    size_t n = (size_t)ny * (size_t)ng;
    double *t = malloc(n * sizeof *t);
    int *lo = malloc((size_t)ng * sizeof *lo), *hi = malloc((size_t)ng * sizeof *hi);
    if (t == NULL || lo == NULL || hi == NULL)
        abort();
    if (planomsorg_ssbproj_table(p, region, alt, t, n) != PLANOMSORG_OK ||
        planomsorg_ssbproj_groups(p, lo, hi, ng) != PLANOMSORG_OK)
        abort();
    for (int g = 0; g < ng; g++) {
        if (lo[g] < 0 || (hi[g] != PLANOMSORG_AGE_OPEN && hi[g] < lo[g]))
            abort();
        if (g > 0 && (hi[g - 1] == PLANOMSORG_AGE_OPEN || hi[g - 1] >= lo[g]))
            abort(); /* groups sorted and disjoint */
    }
    for (int y = 0; y < ny; y++) {
        double sum = 0;
        for (int g = 0; g < ng; g++) {
            double v;
            if (!(t[(size_t)y * (size_t)ng + (size_t)g] >= 0) ||
                planomsorg_ssbproj_band(p, region, alt, first + y, lo[g], hi[g], &v) != PLANOMSORG_OK ||
                v != t[(size_t)y * (size_t)ng + (size_t)g])
                abort();
            sum += v;
        }
        double all;
        int contiguous = lo[0] == 0 && hi[ng - 1] == PLANOMSORG_AGE_OPEN;
        for (int g = 1; g < ng; g++)
            contiguous &= lo[g] == hi[g - 1] + 1;
        int rc = planomsorg_ssbproj_band(p, region, alt, first + y, 0, PLANOMSORG_AGE_OPEN, &all);
        if (contiguous != (rc == PLANOMSORG_OK))
            abort();
        if (rc == PLANOMSORG_OK && fabs(all - sum) > 1e-9 * fmax(1.0, sum))
            abort();
    }
    /* Alignment: a population of ones over the table's years (ages up to the groups). */
    int max_age = hi[ng - 1] == PLANOMSORG_AGE_OPEN ? lo[ng - 1] : hi[ng - 1];
    if (max_age < 1)
        max_age = 1;
    planomsorg_population *pop = NULL;
    if (max_age <= PLANOMSORG_MAX_AGE_LIMIT && ny <= 500 &&
        planomsorg_population_new(&pop, first, ny, max_age) == PLANOMSORG_OK) {
        size_t cells = planomsorg_population_size(pop);
        double *ones = malloc(cells * sizeof *ones);
        if (ones == NULL)
            abort();
        for (size_t i = 0; i < cells; i++)
            ones[i] = 1.0;
        planomsorg_population_import(pop, ones, cells);
        planomsorg_align_report *r = NULL;
        int rc = planomsorg_ssbproj_align(&r, pop, p, region, alt);
        if (rc == PLANOMSORG_OK) {
            for (int y = 0; y < ny; y++)
                for (int g = 0; g < ng; g++) {
                    double v, want = t[(size_t)y * (size_t)ng + (size_t)g];
                    if (planomsorg_population_sum(pop, first + y, PLANOMSORG_SEX_BOTH, lo[g],
                                                  hi[g], &v) != PLANOMSORG_OK ||
                        fabs(v - want) > 1e-9 * fmax(1.0, want))
                        abort();
                }
        } else if (r != NULL || planomsorg_error_last()[0] == '\0') {
            abort();
        }
        planomsorg_align_report_free(r);
        free(ones);
        planomsorg_population_free(pop);
    }
    free(t);
    free(lo);
    free(hi);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    planomsorg_ssbproj *p = (planomsorg_ssbproj *)1;
    int rc = planomsorg_ssbproj_parse(&p, (const char *)data, size, "fuzz.csv");
    if (rc != PLANOMSORG_OK) {
        if (p != NULL || rc > 0 || planomsorg_error_last()[0] == '\0')
            abort();
        return 0;
    }
    if (p == NULL || planomsorg_ssbproj_n_regions(p) < 1 || planomsorg_ssbproj_n_groups(p) < 1 ||
        planomsorg_ssbproj_n_years(p) < 1)
        abort();
    for (int r = 0; r < planomsorg_ssbproj_n_regions(p); r++) {
        const char *name = planomsorg_ssbproj_region(p, r);
        int found = -1;
        if (name == NULL || planomsorg_ssbproj_find_region(&found, p, name) != PLANOMSORG_OK ||
            found != r)
            abort();
        for (int a = 0; a < PLANOMSORG_SSBPROJ_N_ALTERNATIVES; a++)
            if (planomsorg_ssbproj_has_alternative(p, a))
                check_region(p, name, a);
    }
    planomsorg_ssbproj_free(p);
    return 0;
}

#ifndef PLANOMSORG_LIBFUZZER
#include "fuzz_replay.h"
int main(int argc, char **argv)
{
    return pl_fuzz_replay(argc, argv);
}
#endif
