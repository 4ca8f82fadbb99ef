/* hello_population: the smallest program using libplanomsorg.
 *
 * Takes the population embedded in the library (Norway, or the municipality
 * whose number is given as the first argument, e.g. 5001) and prints, for the
 * latest year, the persons in the standard planning bands and the old-age ratios.
 *
 * Build against an installed library:
 *     cc hello_population.c $(pkg-config --cflags --libs planomsorg) -o hello_population
 *     ./hello_population 5001 */
#include <planomsorg.h>

#include <stdio.h>

static int fail(planomsorg_population *pop)
{
    fprintf(stderr, "hello_population: %s\n", planomsorg_error_last());
    planomsorg_population_free(pop);
    return 1;
}

int main(int argc, char **argv)
{
    const char *region = argc > 1 ? argv[1] : NULL; /* NULL: Norway */
    const char *name;
    planomsorg_population *pop = NULL;
    int year, band, ratio;

    if (planomsorg_version_number() != PLANOMSORG_VERSION_NUMBER) {
        fprintf(stderr, "hello_population: built with %s, running with %s\n",
                PLANOMSORG_VERSION_STRING, planomsorg_version_string());
        return 1;
    }
    if (planomsorg_data_population(&pop, region) != PLANOMSORG_OK)
        return fail(pop);
    year = planomsorg_population_first_year(pop) + planomsorg_population_n_years(pop) - 1;
    name = planomsorg_data_region_name(region != NULL ? region : PLANOMSORG_NORWAY);

    printf("libplanomsorg %s, population of %s on 1 January %d\n", planomsorg_version_string(),
           name != NULL ? name : "?", year);
    for (band = PLANOMSORG_BAND_0_66; band <= PLANOMSORG_BAND_85P; band++) {
        double persons;
        if (planomsorg_population_band(pop, year, PLANOMSORG_SEX_BOTH, band, &persons)
            != PLANOMSORG_OK)
            return fail(pop);
        printf("  %-8s %10.0f\n", planomsorg_band_name(band), persons);
    }
    for (ratio = PLANOMSORG_RATIO_67P_PER_20_66; ratio <= PLANOMSORG_RATIO_50_66_PER_85P; ratio++) {
        double value;
        if (planomsorg_population_ratio(pop, year, ratio, &value) != PLANOMSORG_OK)
            return fail(pop);
        printf("  %-20s %8.3f\n", planomsorg_ratio_name(ratio), value);
    }
    planomsorg_population_free(pop);
    return 0;
}
