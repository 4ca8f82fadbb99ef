/* Transition matrices by age band, sex and year; relative mortality per level. */
#include "staircase_internal.h"

#include "check.h"
#include "error.h"
#include "planomsorg/population.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pl_band_of_age(const int *band_lo, int n_bands, int age)
{
    int b = n_bands - 1;
    while (b > 0 && band_lo[b] > age)
        b--;
    return b;
}

int pl_check_bands(const int *band_lo, size_t n_bands, const char *what)
{
    PL_CHECK_NULL(band_lo);
    if (n_bands < 1 || n_bands > PLANOMSORG_MAX_AGE_BANDS)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of bands %zu outside 1..%d", what, n_bands,
                        PLANOMSORG_MAX_AGE_BANDS);
    if (band_lo[0] != 0)
        return pl_error(PLANOMSORG_EINVAL, "%s: the first band must start at age 0, not %d", what,
                        band_lo[0]);
    for (size_t b = 1; b < n_bands; b++) {
        if (band_lo[b] <= band_lo[b - 1])
            return pl_error(PLANOMSORG_EINVAL,
                            "%s: band lower ages must increase (band %zu starts at %d after %d)",
                            what, b, band_lo[b], band_lo[b - 1]);
        if (band_lo[b] > PLANOMSORG_MAX_AGE_LIMIT)
            return pl_error(PLANOMSORG_ERANGE, "%s: band %zu starts at age %d above %d", what, b,
                            band_lo[b], PLANOMSORG_MAX_AGE_LIMIT);
    }
    return PLANOMSORG_OK;
}

static const char *sex_label(int sex)
{
    return sex == PLANOMSORG_SEX_FEMALE ? "female" : sex == PLANOMSORG_SEX_MALE ? "male" : "both";
}

int pl_check_stochastic(const double *m, int k, int year, int band_lo, int sex, const char *what)
{
    char year_text[32];
    if (year == PLANOMSORG_ANY_YEAR)
        strcpy(year_text, "all years");
    else
        snprintf(year_text, sizeof year_text, "%d", year);
    for (int i = 0; i < k; i++) {
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double v = m[i * k + j];
            if (!(v >= 0.0 && v <= 1.0))
                return pl_error(PLANOMSORG_ESTOCHASTIC,
                                "%s: year %s, band from age %d, sex %s, row %d: entry to level %d "
                                "is %g, not in [0, 1]",
                                what, year_text, band_lo, sex_label(sex), i, j, v);
            sum += v;
        }
        if (fabs(sum - 1.0) > PLANOMSORG_STOCHASTIC_TOL)
            return pl_error(PLANOMSORG_ESTOCHASTIC,
                            "%s: year %s, band from age %d, sex %s, row %d sums to %.17g, not 1",
                            what, year_text, band_lo, sex_label(sex), i, sum);
    }
    return PLANOMSORG_OK;
}

static size_t matrix_cells(const planomsorg_transitions *tr)
{
    return (size_t)tr->n_levels * (size_t)tr->n_levels;
}

static int n_slots(const planomsorg_transitions *tr)
{
    return tr->n_years == 0 ? 1 : tr->n_years;
}

double *pl_transitions_matrix(const planomsorg_transitions *tr, int slot, int band, int sex)
{
    size_t idx = ((size_t)slot * (size_t)tr->n_bands + (size_t)band) * 2 + (size_t)sex;
    return tr->matrices + idx * matrix_cells(tr);
}

int pl_year_slot(int year, int first_year, int n_years)
{
    int slot = year - first_year;
    if (slot < 0)
        return 0;
    return slot < n_years ? slot : n_years - 1;
}

int pl_transitions_slot(const planomsorg_transitions *tr, int year)
{
    return tr->n_years == 0 ? 0 : pl_year_slot(year, tr->first_year, tr->n_years);
}

int planomsorg_transitions_new(planomsorg_transitions **out, int n_levels, const int *band_lo,
                               size_t n_bands, int first_year, int n_years)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    if (n_levels < 1 || n_levels > PLANOMSORG_MAX_LEVELS)
        return pl_error(PLANOMSORG_ERANGE, "planomsorg_transitions_new: number of levels %d outside 1..%d",
                        n_levels, PLANOMSORG_MAX_LEVELS);
    int rc = pl_check_bands(band_lo, n_bands, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (n_years < 0 || n_years > 500)
        return pl_error(PLANOMSORG_ERANGE, "planomsorg_transitions_new: number of years %d outside 0..500",
                        n_years);
    if (n_years > 0)
        rc = pl_check_year_range(first_year, "first year", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_transitions *tr = calloc(1, sizeof *tr);
    if (tr == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_transitions_new: out of memory");
    tr->n_levels = n_levels;
    tr->n_bands = (int)n_bands;
    memcpy(tr->band_lo, band_lo, n_bands * sizeof *band_lo);
    tr->first_year = n_years == 0 ? 0 : first_year;
    tr->n_years = n_years;
    size_t n_mat = (size_t)n_slots(tr) * n_bands * 2;
    tr->matrices = calloc(n_mat * matrix_cells(tr), sizeof *tr->matrices);
    tr->mortality = malloc((size_t)n_levels * sizeof *tr->mortality);
    if (tr->matrices == NULL || tr->mortality == NULL) {
        planomsorg_transitions_free(tr);
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_transitions_new: out of memory");
    }
    for (size_t m = 0; m < n_mat; m++)
        for (int i = 0; i < n_levels; i++)
            tr->matrices[m * matrix_cells(tr) + (size_t)i * (size_t)n_levels + (size_t)i] = 1.0;
    for (int k = 0; k < n_levels; k++)
        tr->mortality[k] = 1.0;
    *out = tr;
    return PLANOMSORG_OK;
}

void planomsorg_transitions_free(planomsorg_transitions *tr)
{
    if (tr == NULL)
        return;
    free(tr->matrices);
    free(tr->mortality);
    free(tr);
}

int planomsorg_transitions_copy(planomsorg_transitions **out, const planomsorg_transitions *tr)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(tr);
    planomsorg_transitions *c = NULL;
    int rc = planomsorg_transitions_new(&c, tr->n_levels, tr->band_lo, (size_t)tr->n_bands,
                                        tr->first_year, tr->n_years);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(c->matrices, tr->matrices,
           (size_t)n_slots(tr) * (size_t)tr->n_bands * 2 * matrix_cells(tr) * sizeof *c->matrices);
    memcpy(c->mortality, tr->mortality, (size_t)tr->n_levels * sizeof *c->mortality);
    *out = c;
    return PLANOMSORG_OK;
}

int planomsorg_transitions_n_levels(const planomsorg_transitions *tr)
{
    return tr == NULL ? 0 : tr->n_levels;
}

int planomsorg_transitions_n_bands(const planomsorg_transitions *tr)
{
    return tr == NULL ? 0 : tr->n_bands;
}

int planomsorg_transitions_band_lo(int *age_lo, const planomsorg_transitions *tr, int band)
{
    PL_CHECK_NULL(age_lo);
    PL_CHECK_NULL(tr);
    if (band < 0 || band >= tr->n_bands)
        return pl_error(PLANOMSORG_ERANGE, "planomsorg_transitions_band_lo: band %d outside 0..%d",
                        band, tr->n_bands - 1);
    *age_lo = tr->band_lo[band];
    return PLANOMSORG_OK;
}

int planomsorg_transitions_years(int *first_year, int *n_years, const planomsorg_transitions *tr)
{
    PL_CHECK_NULL(first_year);
    PL_CHECK_NULL(n_years);
    PL_CHECK_NULL(tr);
    *first_year = tr->first_year;
    *n_years = tr->n_years;
    return PLANOMSORG_OK;
}

static int check_year_band(const planomsorg_transitions *tr, int year, int band,
                           const char *function)
{
    if (band < 0 || band >= tr->n_bands)
        return pl_error(PLANOMSORG_ERANGE, "%s: band %d outside 0..%d", function, band,
                        tr->n_bands - 1);
    if (year != PLANOMSORG_ANY_YEAR && tr->n_years == 0)
        return pl_error(PLANOMSORG_ERANGE,
                        "%s: year %d given for time-invariant transitions (use PLANOMSORG_ANY_YEAR)",
                        function, year);
    if (year != PLANOMSORG_ANY_YEAR &&
        (year < tr->first_year || year >= tr->first_year + tr->n_years))
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d outside %d..%d", function, year,
                        tr->first_year, tr->first_year + tr->n_years - 1);
    return PLANOMSORG_OK;
}

int planomsorg_transitions_set_matrix(planomsorg_transitions *tr, int year, int band, int sex,
                                      const double *matrix, size_t n)
{
    PL_CHECK_NULL(tr);
    PL_CHECK_NULL(matrix);
    int rc = check_year_band(tr, year, band, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (sex != PLANOMSORG_SEX_FEMALE && sex != PLANOMSORG_SEX_MALE && sex != PLANOMSORG_SEX_BOTH)
        return pl_error(PLANOMSORG_EINVAL, "planomsorg_transitions_set_matrix: bad sex code %d", sex);
    if (n != matrix_cells(tr))
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_transitions_set_matrix: %zu values given, %zu (K*K) needed", n,
                        matrix_cells(tr));
    rc = pl_check_stochastic(matrix, tr->n_levels, year, tr->band_lo[band], sex, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int s0 = sex == PLANOMSORG_SEX_BOTH ? 0 : sex, s1 = sex == PLANOMSORG_SEX_BOTH ? 1 : sex;
    int y0 = year == PLANOMSORG_ANY_YEAR ? 0 : year - tr->first_year;
    int y1 = year == PLANOMSORG_ANY_YEAR ? n_slots(tr) - 1 : y0;
    for (int y = y0; y <= y1; y++)
        for (int s = s0; s <= s1; s++)
            memcpy(pl_transitions_matrix(tr, y, band, s), matrix, n * sizeof *matrix);
    return PLANOMSORG_OK;
}

int planomsorg_transitions_get_matrix(double *matrix, size_t n, const planomsorg_transitions *tr,
                                      int year, int band, int sex)
{
    PL_CHECK_NULL(matrix);
    PL_CHECK_NULL(tr);
    if (band < 0 || band >= tr->n_bands)
        return pl_error(PLANOMSORG_ERANGE, "planomsorg_transitions_get_matrix: band %d outside 0..%d",
                        band, tr->n_bands - 1);
    if (sex != PLANOMSORG_SEX_FEMALE && sex != PLANOMSORG_SEX_MALE)
        return pl_error(PLANOMSORG_EINVAL, "planomsorg_transitions_get_matrix: bad sex code %d", sex);
    if (n != matrix_cells(tr))
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_transitions_get_matrix: array of %zu, %zu (K*K) needed", n,
                        matrix_cells(tr));
    int slot = year == PLANOMSORG_ANY_YEAR ? 0 : pl_transitions_slot(tr, year);
    memcpy(matrix, pl_transitions_matrix(tr, slot, band, sex), n * sizeof *matrix);
    return PLANOMSORG_OK;
}

int planomsorg_transitions_set_mortality(planomsorg_transitions *tr, const double *mortality,
                                         size_t n)
{
    PL_CHECK_NULL(tr);
    PL_CHECK_NULL(mortality);
    if (n != (size_t)tr->n_levels)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_transitions_set_mortality: %zu values given, %d levels", n,
                        tr->n_levels);
    double sum = 0;
    for (size_t k = 0; k < n; k++) {
        if (!isfinite(mortality[k]) || mortality[k] < 0)
            return pl_error(PLANOMSORG_EVALUE,
                            "planomsorg_transitions_set_mortality: level %zu has relative mortality %g "
                            "(must be finite and >= 0)",
                            k, mortality[k]);
        sum += mortality[k];
    }
    if (!(sum > 0))
        return pl_error(PLANOMSORG_EVALUE,
                        "planomsorg_transitions_set_mortality: all relative mortalities are 0");
    memcpy(tr->mortality, mortality, n * sizeof *mortality);
    return PLANOMSORG_OK;
}

int planomsorg_transitions_get_mortality(double *mortality, size_t n,
                                         const planomsorg_transitions *tr)
{
    PL_CHECK_NULL(mortality);
    PL_CHECK_NULL(tr);
    if (n != (size_t)tr->n_levels)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "planomsorg_transitions_get_mortality: array of %zu, %d levels", n,
                        tr->n_levels);
    memcpy(mortality, tr->mortality, n * sizeof *mortality);
    return PLANOMSORG_OK;
}

double pl_path_value(const struct pl_path *p, int year, double neutral)
{
    if (p->n_years == 0 || year < p->first_year)
        return neutral;
    return p->values[pl_year_slot(year, p->first_year, p->n_years)];
}

void pl_path_clear(struct pl_path *p)
{
    free(p->values);
    p->values = NULL;
    p->n_years = 0;
    p->first_year = 0;
}

int pl_path_set(struct pl_path *p, const double *values, int first_year, int n_years,
                const char *what)
{
    if (n_years < 0 || n_years > 500)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of years %d outside 0..500", what, n_years);
    if (n_years == 0) {
        pl_path_clear(p);
        return PLANOMSORG_OK;
    }
    PL_CHECK_NULL(values);
    int rc = pl_check_year_range(first_year, "first year", what);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (int i = 0; i < n_years; i++)
        if (!isfinite(values[i]) || values[i] < 0)
            return pl_error(PLANOMSORG_EVALUE, "%s: value %g for year %d (must be finite and >= 0)",
                            what, values[i], first_year + i);
    double *copy = malloc((size_t)n_years * sizeof *copy);
    if (copy == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", what);
    memcpy(copy, values, (size_t)n_years * sizeof *copy);
    pl_path_clear(p);
    p->values = copy;
    p->first_year = first_year;
    p->n_years = n_years;
    return PLANOMSORG_OK;
}
