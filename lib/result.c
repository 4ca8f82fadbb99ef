/* The result of a service projection: users and queues by year, sex, age and level. */
#include "staircase_internal.h"

#include "error.h"
#include "population_internal.h"
#include "planomsorg/coverage.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void planomsorg_result_free(planomsorg_result *r)
{
    if (r == NULL)
        return;
    planomsorg_population_free(r->pop);
    free(r->users);
    free(r->queue);
    free(r->capacity);
    free(r);
}

int planomsorg_result_first_year(const planomsorg_result *r)
{
    return r == NULL ? 0 : r->first_year;
}

int planomsorg_result_n_years(const planomsorg_result *r)
{
    return r == NULL ? 0 : r->n_years;
}

int planomsorg_result_max_age(const planomsorg_result *r)
{
    return r == NULL ? 0 : r->max_age;
}

int planomsorg_result_mode(const planomsorg_result *r)
{
    return r == NULL ? -1 : r->mode;
}

const planomsorg_staircase *planomsorg_result_staircase(const planomsorg_result *r)
{
    return r == NULL ? NULL : &r->sc;
}

const planomsorg_population *planomsorg_result_population(const planomsorg_result *r)
{
    return r == NULL ? NULL : r->pop;
}

const char *planomsorg_quantity_name(int quantity)
{
    switch (quantity) {
    case PLANOMSORG_QUANTITY_USERS:
        return "users";
    case PLANOMSORG_QUANTITY_QUEUE:
        return "queue";
    default:
        return NULL;
    }
}

static int check_year(const planomsorg_result *r, int year, const char *function)
{
    if (year < r->first_year || year >= r->first_year + r->n_years)
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d outside %d..%d", function, year,
                        r->first_year, r->first_year + r->n_years - 1);
    return PLANOMSORG_OK;
}

static int check_level(const planomsorg_result *r, int level, int allow_all, const char *function)
{
    if ((allow_all && level == PLANOMSORG_ALL_LEVELS) || (level >= 0 && level < r->n_levels))
        return PLANOMSORG_OK;
    return pl_error(PLANOMSORG_ERANGE, "%s: level %d outside 0..%d", function, level,
                    r->n_levels - 1);
}

static int quantity_known(int quantity)
{
    return quantity == PLANOMSORG_QUANTITY_USERS || quantity == PLANOMSORG_QUANTITY_QUEUE;
}

/* The array of a quantity; NULL for the queues of a result without any capacity, which
 * are all zero and not stored (services_run.c). */
static const double *quantity_array(const planomsorg_result *r, int quantity)
{
    return quantity == PLANOMSORG_QUANTITY_USERS ? r->users
           : quantity == PLANOMSORG_QUANTITY_QUEUE ? r->queue
                                                   : NULL;
}

static int result_get(double *out, const planomsorg_result *r, int quantity, int year, int level,
                      int sex, int age_lo, int age_hi, const char *function)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(r);
    if (!quantity_known(quantity))
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown quantity %d", function, quantity);
    const double *q = quantity_array(r, quantity);
    int rc = check_year(r, year, function);
    if (rc == PLANOMSORG_OK)
        rc = check_level(r, level, 1, function);
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_sex(sex, 1, function);
    int hi = 0;
    if (rc == PLANOMSORG_OK)
        rc = pl_population_check_band(r->pop, age_lo, age_hi, &hi, function);
    if (rc != PLANOMSORG_OK)
        return rc;
    int K = r->n_levels, A = r->max_age;
    int k0 = level == PLANOMSORG_ALL_LEVELS ? 0 : level;
    int k1 = level == PLANOMSORG_ALL_LEVELS ? K - 1 : level;
    double sum = 0;
    for (int s = 0; s < 2 && q != NULL; s++) {
        if (sex != PLANOMSORG_SEX_BOTH && sex != s)
            continue;
        for (int a = age_lo; a <= hi; a++) {
            const double *c =
                q + (((size_t)(year - r->first_year) * 2 + (size_t)s) * (size_t)(A + 1) + (size_t)a) *
                        (size_t)K;
            for (int k = k0; k <= k1; k++)
                sum += c[k];
        }
    }
    *out = sum;
    return PLANOMSORG_OK;
}

int planomsorg_result_get(double *out, const planomsorg_result *r, int quantity, int year,
                          int level, int sex, int age_lo, int age_hi)
{
    return result_get(out, r, quantity, year, level, sex, age_lo, age_hi, __func__);
}

int planomsorg_result_users(double *out, const planomsorg_result *r, int year, int level, int sex,
                            int age_lo, int age_hi)
{
    return result_get(out, r, PLANOMSORG_QUANTITY_USERS, year, level, sex, age_lo, age_hi,
                      __func__);
}

int planomsorg_result_queue(double *out, const planomsorg_result *r, int year, int level, int sex,
                            int age_lo, int age_hi)
{
    return result_get(out, r, PLANOMSORG_QUANTITY_QUEUE, year, level, sex, age_lo, age_hi,
                      __func__);
}

int planomsorg_result_capacity(double *out, const planomsorg_result *r, int year, int level)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(r);
    int rc = check_year(r, year, __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_level(r, level, 0, __func__);
    if (rc == PLANOMSORG_OK)
        *out = r->capacity[(size_t)(year - r->first_year) * (size_t)r->n_levels + (size_t)level];
    return rc;
}

int planomsorg_result_coverage(double *out, const planomsorg_result *r, int year,
                               const int *levels, size_t n_levels, int age_lo, int age_hi,
                               int user_based)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(r);
    PL_CHECK_NULL(levels);
    if (n_levels < 1 || n_levels > (size_t)r->n_levels)
        return pl_error(PLANOMSORG_EINVAL, "planomsorg_result_coverage: %zu levels given, 1..%d allowed",
                        n_levels, r->n_levels);
    unsigned char seen[PLANOMSORG_MAX_LEVELS] = {0};
    double count = 0;
    for (size_t i = 0; i < n_levels; i++) {
        int rc = check_level(r, levels[i], 0, __func__);
        if (rc != PLANOMSORG_OK)
            return rc;
        if (seen[levels[i]])
            return pl_error(PLANOMSORG_EINVAL, "planomsorg_result_coverage: level %d listed twice",
                            levels[i]);
        seen[levels[i]] = 1;
        double u = 0;
        rc = user_based ? planomsorg_result_users(&u, r, year, levels[i], PLANOMSORG_SEX_BOTH,
                                                  age_lo, age_hi)
                        : planomsorg_result_users(&u, r, year, levels[i], PLANOMSORG_SEX_BOTH, 0,
                                                  PLANOMSORG_AGE_OPEN);
        if (rc != PLANOMSORG_OK)
            return rc;
        count += u;
    }
    return planomsorg_coverage_rate(out, count, r->pop, year, age_lo, age_hi);
}

int planomsorg_result_coverage_24h(double *out, const planomsorg_result *r, int year,
                                   int user_based)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(r);
    int levels[PLANOMSORG_MAX_LEVELS];
    size_t n = 0;
    int rc = planomsorg_staircase_levels_with_flags(levels, &n, PLANOMSORG_MAX_LEVELS, &r->sc,
                                                    PLANOMSORG_LEVEL_FLAG_24H);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (n == 0)
        return pl_error(PLANOMSORG_ECONSISTENCY,
                        "planomsorg_result_coverage_24h: no level of the staircase counts toward "
                        "24-hour coverage");
    return planomsorg_result_coverage(out, r, year, levels, n, 80, PLANOMSORG_AGE_OPEN, user_based);
}

size_t planomsorg_result_size(const planomsorg_result *r)
{
    if (r == NULL)
        return 0;
    return (size_t)r->n_years * 2 * (size_t)(r->max_age + 1) * (size_t)r->n_levels;
}

int planomsorg_result_export(double *out, size_t n, const planomsorg_result *r, int quantity)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(r);
    if (!quantity_known(quantity))
        return pl_error(PLANOMSORG_EINVAL, "planomsorg_result_export: unknown quantity %d", quantity);
    const double *q = quantity_array(r, quantity);
    if (n != planomsorg_result_size(r))
        return pl_error(PLANOMSORG_EDIMENSION, "planomsorg_result_export: array of %zu, %zu needed", n,
                        planomsorg_result_size(r));
    if (q != NULL)
        memcpy(out, q, n * sizeof *out);
    else
        memset(out, 0, n * sizeof *out);
    return PLANOMSORG_OK;
}
