/* hello_population: the smallest program using libplanomsorg.
 *
 * Builds a population of one year, fills it with a made-up age profile, and
 * prints the persons in the standard planning bands and the old-age ratios.
 *
 * Build against an installed library:
 *     cc hello_population.c $(pkg-config --cflags --libs planomsorg) -o hello_population
 *
 * When the embedded data set is available, planomsorg_data_population() (data.h)
 * returns the real population of a municipality instead of the made-up one. */
#include <planomsorg.h>

#include <stdio.h>

static int report(int status)
{
    fprintf(stderr, "hello_population: %s\n", planomsorg_error_last());
    return status == PLANOMSORG_OK ? 0 : 1;
}

int main(void)
{
    const int year = 2025, max_age = 105;
    planomsorg_population *pop = NULL;
    int band, ratio, age, sex, rc;

    if (planomsorg_version_number() != PLANOMSORG_VERSION_NUMBER) {
        fprintf(stderr, "hello_population: built with %s, running with %s\n",
                PLANOMSORG_VERSION_STRING, planomsorg_version_string());
        return 1;
    }
    rc = planomsorg_population_new(&pop, year, 1, max_age);
    if (rc != PLANOMSORG_OK)
        return report(rc);

    /* 1000 persons of each sex per age until 60, then fewer with each year of age. */
    for (sex = PLANOMSORG_SEX_FEMALE; sex <= PLANOMSORG_SEX_MALE; sex++)
        for (age = 0; age <= max_age; age++) {
            double persons = age < 60 ? 1000.0 : 1000.0 * (max_age + 1 - age) / (max_age + 1 - 60);
            rc = planomsorg_population_set(pop, year, sex, age, persons);
            if (rc != PLANOMSORG_OK) {
                planomsorg_population_free(pop);
                return report(rc);
            }
        }

    printf("libplanomsorg %s, population %d\n", planomsorg_version_string(), year);
    for (band = PLANOMSORG_BAND_0_66; band <= PLANOMSORG_BAND_85P; band++) {
        double persons;
        rc = planomsorg_population_band(pop, year, PLANOMSORG_SEX_BOTH, band, &persons);
        if (rc != PLANOMSORG_OK) {
            planomsorg_population_free(pop);
            return report(rc);
        }
        printf("  %-12s %10.0f\n", planomsorg_band_name(band), persons);
    }
    for (ratio = PLANOMSORG_RATIO_67P_PER_20_66; ratio <= PLANOMSORG_RATIO_50_66_PER_85P; ratio++) {
        double value;
        rc = planomsorg_population_ratio(pop, year, ratio, &value);
        if (rc != PLANOMSORG_OK) {
            planomsorg_population_free(pop);
            return report(rc);
        }
        printf("  %-24s %8.3f\n", planomsorg_ratio_name(ratio), value);
    }
    planomsorg_population_free(pop);
    return 0;
}
