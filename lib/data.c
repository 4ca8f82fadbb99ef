/* The embedded default data set: population of Norway and its municipalities, KOSTRA counts.
 * The arrays are generated at build time (tools/embed_data.py, lib/data_embedded.h). */
#include "planomsorg/data.h"

#include "data_embedded.h"
#include "error.h"
#include "population_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Index of the whole country in region lookups. */
#define NORWAY_INDEX (-1)

static const char *const kostra_names[PLANOMSORG_N_KOSTRA] = {
    [PLANOMSORG_KOSTRA_HOME_USERS] = "home_users",
    [PLANOMSORG_KOSTRA_HOME_USERS_0_66] = "home_users_0_66",
    [PLANOMSORG_KOSTRA_HOME_USERS_67_79] = "home_users_67_79",
    [PLANOMSORG_KOSTRA_HOME_USERS_80P] = "home_users_80p",
    [PLANOMSORG_KOSTRA_HOUSING24] = "housing24",
    [PLANOMSORG_KOSTRA_LONGTERM] = "longterm",
    [PLANOMSORG_KOSTRA_LONGTERM_0_66] = "longterm_0_66",
    [PLANOMSORG_KOSTRA_LONGTERM_67_79] = "longterm_67_79",
    [PLANOMSORG_KOSTRA_LONGTERM_80P] = "longterm_80p",
    [PLANOMSORG_KOSTRA_NURSE_FTE] = "nurse_fte",
    [PLANOMSORG_KOSTRA_HOME_NURSING_HOURS] = "home_nursing_hours",
};

_Static_assert(PL_DATA_N_KOSTRA == PLANOMSORG_N_KOSTRA,
               "the generated KOSTRA table must have one column per indicator code");

static int compare_code(const void *key, const void *element)
{
    return strcmp((const char *)key, ((const pl_data_municipality *)element)->code);
}

static int is_norway(const char *region)
{
    return region == NULL || strcmp(region, PLANOMSORG_NORWAY) == 0;
}

/* Municipality index of a region code by binary search, NORWAY_INDEX for Norway, or -2. */
static int find_region(const char *region)
{
    if (is_norway(region))
        return NORWAY_INDEX;
    const pl_data_municipality *m =
        bsearch(region, pl_data_municipalities, (size_t)pl_data_n_municipalities,
                sizeof *pl_data_municipalities, compare_code);
    return m == NULL ? -2 : (int)(m - pl_data_municipalities);
}

static int unknown_region(const char *function, const char *region)
{
    return pl_error(PLANOMSORG_ENOTFOUND,
                    "%s: unknown region '%.40s' (expected a four-digit municipality number on "
                    "2024 borders, or \"0000\" for Norway)", function, region);
}

int planomsorg_data_population(planomsorg_population **out, const char *region)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    int m = find_region(region);
    if (m < NORWAY_INDEX)
        return unknown_region(__func__, region);
    int first = m == NORWAY_INDEX ? pl_data_norway_first_year : pl_data_muni_first_year;
    int n_years = m == NORWAY_INDEX ? pl_data_norway_n_years : pl_data_muni_n_years;
    const uint32_t *src = m == NORWAY_INDEX
        ? pl_data_norway_pop
        : pl_data_muni_pop + (size_t)m * (size_t)n_years * 2 * PL_DATA_N_AGES;
    planomsorg_population *pop = NULL;
    int rc = planomsorg_population_new(&pop, first, n_years, PL_DATA_MAX_AGE);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t n = planomsorg_population_size(pop);
    /* The generated layout [year][sex][age] is the population's own flat layout. */
    for (size_t i = 0; i < n; i++)
        pop->persons[i] = (double)src[i];
    *out = pop;
    return PLANOMSORG_OK;
}

int planomsorg_data_n_municipalities(void)
{
    return pl_data_n_municipalities;
}

const char *planomsorg_data_municipality_code(int index)
{
    if (index < 0 || index >= pl_data_n_municipalities)
        return NULL;
    return pl_data_municipalities[index].code;
}

const char *planomsorg_data_region_name(const char *region)
{
    int m = find_region(region);
    if (m == NORWAY_INDEX)
        return "Norway";
    return m < 0 ? NULL : pl_data_municipalities[m].name;
}

const char *planomsorg_kostra_name(int indicator)
{
    if (indicator < 0 || indicator >= PLANOMSORG_N_KOSTRA)
        return NULL;
    return kostra_names[indicator];
}

static double kostra_cell(int municipality, int year_index, int indicator)
{
    size_t i = ((size_t)municipality * (size_t)pl_data_kostra_n_years + (size_t)year_index) *
               PL_DATA_N_KOSTRA + (size_t)indicator;
    return pl_data_kostra[i];
}

/* Norway: the sum over municipalities of the cells SSB publishes (suppressed cells count as
 * zero, so sums are lower bounds, as SSB's own sums of municipal figures); for the mean hours
 * per recipient, the mean over municipalities weighted by their home-service users. NaN when
 * no municipality has the cell. */
static double kostra_norway(int year_index, int indicator)
{
    double sum = 0, weight = 0;
    int present = 0;
    for (int m = 0; m < pl_data_n_municipalities; m++) {
        double v = kostra_cell(m, year_index, indicator);
        if (isnan(v))
            continue;
        if (indicator == PLANOMSORG_KOSTRA_HOME_NURSING_HOURS) {
            double w = kostra_cell(m, year_index, PLANOMSORG_KOSTRA_HOME_USERS);
            if (isnan(w))
                continue;
            sum += v * w;
            weight += w;
        } else {
            sum += v;
        }
        present++;
    }
    if (present == 0)
        return NAN;
    if (indicator == PLANOMSORG_KOSTRA_HOME_NURSING_HOURS)
        return weight > 0 ? sum / weight : NAN;
    return sum;
}

int planomsorg_data_kostra(double *out, const char *region, int year, int indicator)
{
    PL_CHECK_NULL(out);
    if (indicator < 0 || indicator >= PLANOMSORG_N_KOSTRA)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown KOSTRA indicator code %d (expected 0..%d)",
                        __func__, indicator, PLANOMSORG_N_KOSTRA - 1);
    int m = find_region(region);
    if (m < NORWAY_INDEX)
        return unknown_region(__func__, region);
    int y = year - pl_data_kostra_first_year;
    if (y < 0 || y >= pl_data_kostra_n_years)
        return pl_error(PLANOMSORG_ENOTFOUND,
                        "%s: KOSTRA statistics year %d not in the embedded data (%d..%d)",
                        __func__, year, pl_data_kostra_first_year,
                        pl_data_kostra_first_year + pl_data_kostra_n_years - 1);
    double v = m == NORWAY_INDEX ? kostra_norway(y, indicator) : kostra_cell(m, y, indicator);
    *out = v;
    if (isnan(v))
        return pl_error(PLANOMSORG_EMISSING,
                        "%s: %s of %s (%s) in %d is missing (suppressed by SSB or not published)",
                        __func__, kostra_names[indicator],
                        m == NORWAY_INDEX ? PLANOMSORG_NORWAY : pl_data_municipalities[m].code,
                        m == NORWAY_INDEX ? "Norway" : pl_data_municipalities[m].name, year);
    return PLANOMSORG_OK;
}

const char *planomsorg_data_sources(void)
{
    return "Population on 1 January by single age and sex, Norway 1986-2026 and the 357 "
           "municipalities (2024 borders) 2024-2026: Statistics Norway (SSB), table 07459, "
           "via FHI's csdata package (github.com/niphr/csdata). KOSTRA/IPLOS care-service "
           "counts 2024-2025: Statistics Norway (SSB), tables 12292, 11645 and 14534, via "
           "Telemarksforsking's panel (github.com/ChristianBHT/Framskrivningsverkt-y). "
           "Kilde: Statistisk sentralbyr\xc3\xa5; licence NLOD 2.0 "
           "(data.norge.no/nlod/en/2.0). Derived by tools/derive_data.py.";
}
