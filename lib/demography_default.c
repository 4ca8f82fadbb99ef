/* Default demography from the embedded HMD/HFD/SSB tables, using only the data
 * up to an as-of year (docs/methods/demography.md, "Default assumptions"). */
#include "demography_default.h"

#include "error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Windows and levers, documented in docs/methods/demography.md. */
#define MORT_LEVEL_YEARS 3  /* base level: mean m of the last 3 HMD years */
#define MORT_TREND_YEARS 20 /* decline fitted over the last 20 HMD years */
#define MORT_MAX_DECLINE 0.04
#define FERT_YEARS 3        /* fertility: mean schedule of the last 3 HFD years */
#define SRB_YEARS 10        /* sex ratio at birth: births of the last 10 years */
#define MIG_YEARS 5         /* national migration: mean residual of the last 5 years */

static const double fertility_factor[PLANOMSORG_N_ALTERNATIVES] = {1.0, 0.85, 1.15};
static const double decline_factor[PLANOMSORG_N_ALTERNATIVES] = {1.0, 0.5, 1.5};
static const double migration_factor[PLANOMSORG_N_ALTERNATIVES] = {1.0, 0.5, 1.5};

/* Age groups of the mortality trend: 0, 1-4, 5-9, ..., 95-99, 100+. */
static int trend_group(int age)
{
    if (age == 0)
        return 0;
    if (age < 5)
        return 1;
    if (age >= 100)
        return 21;
    return 1 + age / 5;
}
#define N_TREND_GROUPS 22

/* Five-year groups of the municipal migration rates: 0-4 .. 85-89, 90+. */
static int migration_group(int age)
{
    return age >= 90 ? PL_DEMO_N_GROUPS - 1 : age / 5;
}

const pl_demo_tables *pl_demo_tables_embedded(void)
{
    static const pl_demo_tables tables = {
        pl_demo_mortality, pl_demo_births, pl_demo_fertility, pl_demo_migration,
        pl_demo_muni_residual, pl_demo_muni_survivors,
    };
    return &tables;
}

static const double *mort_row(const pl_demo_tables *t, int year, int sex)
{
    return t->mortality + ((size_t)(year - PL_DEMO_MORT_FIRST) * 2 + (size_t)sex) * PL_DEMO_NA;
}

static const double *mig_row(const pl_demo_tables *t, int year, int sex)
{
    return t->migration + ((size_t)(year - PL_DEMO_MIG_FIRST) * 2 + (size_t)sex) * PL_DEMO_NA;
}

static int min_int(int a, int b)
{
    return a < b ? a : b;
}

static int max_int(int a, int b)
{
    return a > b ? a : b;
}

/* Annual rates of decline by sex and age: minus the least-squares slope of
 * ln(mean m of the trend group) on the year, clamped to [0, MORT_MAX_DECLINE].
 * The group sums of a year are formed in one pass over the ages (each group's
 * terms added in the same ascending order as a pass per group would). */
static void mortality_decline(const pl_demo_tables *t, int last, double *r /* [2][NA] */)
{
    int first = max_int(PL_DEMO_MORT_FIRST, last - MORT_TREND_YEARS + 1);
    int n = last - first + 1;
    int group[PL_DEMO_NA];
    int k[N_TREND_GROUPS] = {0};
    for (int a = 0; a <= PL_DEMO_MAX_AGE; a++) {
        group[a] = trend_group(a);
        k[group[a]]++;
    }
    for (int s = 0; s < 2; s++) {
        double sx[N_TREND_GROUPS] = {0}, sy[N_TREND_GROUPS] = {0};
        double sxx[N_TREND_GROUPS] = {0}, sxy[N_TREND_GROUPS] = {0};
        for (int y = first; y <= last; y++) {
            const double *m = mort_row(t, y, s);
            double sum[N_TREND_GROUPS] = {0};
            for (int a = 0; a <= PL_DEMO_MAX_AGE; a++)
                sum[group[a]] += m[a];
            double x = y - first;
            for (int g = 0; g < N_TREND_GROUPS; g++) {
                double v = log(sum[g] / k[g] > 1e-7 ? sum[g] / k[g] : 1e-7);
                sx[g] += x;
                sy[g] += v;
                sxx[g] += x * x;
                sxy[g] += x * v;
            }
        }
        double slope[N_TREND_GROUPS];
        for (int g = 0; g < N_TREND_GROUPS; g++)
            slope[g] = (n * sxy[g] - sx[g] * sy[g]) / (n * sxx[g] - sx[g] * sx[g]);
        for (int a = 0; a <= PL_DEMO_MAX_AGE; a++) {
            double d = 1.0 - exp(slope[group[a]]);
            r[s * PL_DEMO_NA + a] = d < 0.0 ? 0.0 : d > MORT_MAX_DECLINE ? MORT_MAX_DECLINE : d;
        }
    }
}

static void set_mortality(planomsorg_demography *d, const pl_demo_tables *t, int as_of,
                          int alternative)
{
    int last = min_int(as_of, PL_DEMO_MORT_FIRST + PL_DEMO_MORT_N - 1);
    double r[2 * PL_DEMO_NA];
    mortality_decline(t, last, r);
    for (int s = 0; s < 2; s++) {
        double base[PL_DEMO_NA] = {0};
        for (int y = last - MORT_LEVEL_YEARS + 1; y <= last; y++)
            for (int a = 0; a <= PL_DEMO_MAX_AGE; a++)
                base[a] += mort_row(t, y, s)[a] / MORT_LEVEL_YEARS;
        double centre = last - (MORT_LEVEL_YEARS - 1) / 2.0;
        /* The factor of improvement depends on the age only through its trend group's
         * rate, so pow() is called once per run of ages with the same base value (the
         * same call with the same arguments: results unchanged) rather than per age. */
        double x[PL_DEMO_NA];
        for (int a = 0; a <= PL_DEMO_MAX_AGE; a++)
            x[a] = 1.0 - decline_factor[alternative] * r[s * PL_DEMO_NA + a];
        for (int yi = 0; yi < d->n_years; yi++) {
            double *row = pl_demography_m_row(d, yi, s);
            double steps = d->first_year + yi - centre;
            double p = 0.0;
            for (int a = 0; a <= PL_DEMO_MAX_AGE; a++) {
                if (a == 0 || x[a] != x[a - 1])
                    p = pow(x[a], steps);
                row[a] = base[a] * p;
            }
        }
    }
}

static void set_fertility(planomsorg_demography *d, const pl_demo_tables *t, int as_of,
                          int alternative)
{
    int last = min_int(as_of, PL_DEMO_FERT_FIRST + PL_DEMO_FERT_N - 1);
    double f[PL_DEMO_NA] = {0};
    for (int y = last - FERT_YEARS + 1; y <= last; y++)
        for (int a = PL_DEMO_FERT_AGE_LO; a <= PL_DEMO_FERT_AGE_HI; a++)
            f[a] += t->fertility[(size_t)(y - PL_DEMO_FERT_FIRST) * PL_DEMO_FERT_NA +
                                 (size_t)(a - PL_DEMO_FERT_AGE_LO)] *
                    fertility_factor[alternative] / FERT_YEARS;
    for (int yi = 0; yi < d->n_years; yi++)
        memcpy(pl_demography_fert_row(d, yi), f, sizeof f);

    int lb = min_int(as_of, PL_DEMO_MORT_FIRST + PL_DEMO_MORT_N - 1);
    double girls = 0, boys = 0;
    for (int y = lb - SRB_YEARS + 1; y <= lb; y++) {
        girls += t->births[(size_t)(y - PL_DEMO_MORT_FIRST) * 2];
        boys += t->births[(size_t)(y - PL_DEMO_MORT_FIRST) * 2 + 1];
    }
    for (int yi = 0; yi < d->n_years; yi++)
        d->srb[yi] = boys / girls;
}

static void set_migration_national(planomsorg_demography *d, const pl_demo_tables *t, int as_of,
                                   int alternative)
{
    for (int s = 0; s < 2; s++) {
        double mean[PL_DEMO_NA] = {0};
        for (int y = as_of - MIG_YEARS + 1; y <= as_of; y++)
            for (int a = 0; a <= PL_DEMO_MAX_AGE; a++)
                mean[a] += mig_row(t, y, s)[a] * migration_factor[alternative] / MIG_YEARS;
        for (int yi = 0; yi < d->n_years; yi++) {
            memcpy(pl_demography_mig_row(d, yi, s), mean, sizeof mean);
            d->mig_kind[yi] = PLANOMSORG_MIGRATION_COUNTS;
        }
    }
}

static void set_migration_municipal(planomsorg_demography *d, const pl_demo_tables *t,
                                    int muni, int as_of, int alternative)
{
    int last = min_int(as_of, PL_DEMO_MUNI_FIRST + PL_DEMO_MUNI_YEARS - 1);
    for (int s = 0; s < 2; s++) {
        double rate[PL_DEMO_N_GROUPS];
        for (int g = 0; g < PL_DEMO_N_GROUPS; g++) {
            double res = 0, surv = 0;
            for (int y = PL_DEMO_MUNI_FIRST; y <= last; y++) {
                size_t i = (((size_t)muni * PL_DEMO_MUNI_YEARS + (size_t)(y - PL_DEMO_MUNI_FIRST)) *
                                2 + (size_t)s) * PL_DEMO_N_GROUPS + (size_t)g;
                res += t->muni_residual[i];
                surv += t->muni_survivors[i];
            }
            double r = surv > 0 ? res / surv * migration_factor[alternative] : 0.0;
            rate[g] = r < -1.0 ? -1.0 : r;
        }
        for (int yi = 0; yi < d->n_years; yi++) {
            double *row = pl_demography_mig_row(d, yi, s);
            for (int a = 0; a <= PL_DEMO_MAX_AGE; a++)
                row[a] = rate[migration_group(a)];
            d->mig_kind[yi] = PLANOMSORG_MIGRATION_RATES;
        }
    }
}

static int find_municipality(const char *region)
{
    for (int i = 0; i < PL_DEMO_MUNI_N; i++)
        if (strcmp(pl_demo_muni_codes[i], region) == 0)
            return i;
    return -1;
}

int pl_demography_default_tables(planomsorg_demography **out, const pl_demo_tables *t,
                                 const char *region, int as_of_year, int fertility,
                                 int life_expectancy, int migration, const char *function)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    const int alts[3] = {fertility, life_expectancy, migration};
    const char *lever[3] = {"fertility", "life expectancy", "migration"};
    for (int k = 0; k < 3; k++)
        if (alts[k] < 0 || alts[k] >= PLANOMSORG_N_ALTERNATIVES)
            return pl_error(PLANOMSORG_EINVAL, "%s: unknown %s alternative %d", function,
                            lever[k], alts[k]);
    int muni = -1;
    if (region != NULL && strcmp(region, "0000") != 0) {
        muni = find_municipality(region);
        if (muni < 0)
            return pl_error(PLANOMSORG_ENOTFOUND, "%s: unknown municipality '%s'", function,
                            region);
    }
    if (as_of_year < PLANOMSORG_DEMOGRAPHY_FIRST_AS_OF ||
        as_of_year > PLANOMSORG_DEMOGRAPHY_LAST_AS_OF)
        return pl_error(PLANOMSORG_ERANGE, "%s: as-of year %d outside %d..%d", function,
                        as_of_year, PLANOMSORG_DEMOGRAPHY_FIRST_AS_OF,
                        PLANOMSORG_DEMOGRAPHY_LAST_AS_OF);
    if (muni >= 0 && as_of_year < PL_DEMO_MUNI_FIRST)
        return pl_error(PLANOMSORG_ERANGE,
                        "%s: municipality %s: as-of year %d before %d (municipal migration "
                        "needs the populations of 2024 and later)",
                        function, region, as_of_year, PL_DEMO_MUNI_FIRST);
    planomsorg_demography *d = NULL;
    int rc = planomsorg_demography_new(&d, as_of_year + 1,
                                       PLANOMSORG_DEMOGRAPHY_DEFAULT_LAST_YEAR - as_of_year,
                                       PL_DEMO_MAX_AGE);
    if (rc != PLANOMSORG_OK)
        return rc;
    set_mortality(d, t, as_of_year, life_expectancy);
    set_fertility(d, t, as_of_year, fertility);
    if (muni < 0)
        set_migration_national(d, t, as_of_year, migration);
    else
        set_migration_municipal(d, t, muni, as_of_year, migration);
    *out = d;
    return PLANOMSORG_OK;
}

int planomsorg_demography_default_levers(planomsorg_demography **out, const char *region,
                                         int as_of_year, int fertility, int life_expectancy,
                                         int migration)
{
    return pl_demography_default_tables(out, pl_demo_tables_embedded(), region, as_of_year,
                                        fertility, life_expectancy, migration, __func__);
}

int planomsorg_demography_default(planomsorg_demography **out, const char *region,
                                  int as_of_year, int alternative)
{
    return pl_demography_default_tables(out, pl_demo_tables_embedded(), region, as_of_year,
                                        alternative, alternative, alternative, __func__);
}

const char *planomsorg_demography_sources(void)
{
    return "Death rates, deaths and births: Human Mortality Database, University of California, "
           "Berkeley (USA) and Max Planck Institute for Demographic Research (Germany), "
           "www.mortality.org. Fertility rates: Human Fertility Database, Max Planck Institute "
           "for Demographic Research and Vienna Institute of Demography, "
           "www.humanfertility.org. Population on 1 January (net migration as residuals): "
           "Statistics Norway (SSB), table 07459, NLOD 2.0 (Kilde: Statistisk sentralbyr\xc3\xa5).";
}
