/* Argument checks shared by the modules (lib/check.h). */
#include "check.h"

#include "error.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int pl_check_count(size_t n, size_t want, const char *what, const char *fn)
{
    if (n != want)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: %s has %zu values, %zu expected", fn, what,
                        n, want);
    return PLANOMSORG_OK;
}

static int in_interval(double v, double lo, int lo_open, double hi, int hi_open)
{
    return isfinite(v) && (lo_open ? v > lo : v >= lo) && (hi_open ? v < hi : v <= hi);
}

int pl_check_value(double v, double lo, int lo_open, double hi, int hi_open, const char *what,
                   const char *fn)
{
    if (!in_interval(v, lo, lo_open, hi, hi_open))
        return pl_error(PLANOMSORG_EVALUE, "%s: %s = %g is not a finite number in %c%g, %g%c",
                        fn, what, v, lo_open ? '(' : '[', lo, hi, hi_open ? ')' : ']');
    return PLANOMSORG_OK;
}

int pl_check_values(const double *v, size_t n, double lo, int lo_open, double hi, int hi_open,
                    const char *what, const char *fn)
{
    for (size_t i = 0; i < n; i++)
        if (!in_interval(v[i], lo, lo_open, hi, hi_open))
            return pl_error(PLANOMSORG_EVALUE, "%s: %s[%zu] = %g is not a finite number in "
                            "%c%g, %g%c", fn, what, i, v[i], lo_open ? '(' : '[', lo, hi,
                            hi_open ? ')' : ']');
    return PLANOMSORG_OK;
}

int pl_check_nonneg(double v, const char *what, const char *fn)
{
    if (!isfinite(v) || v < 0)
        return pl_error(PLANOMSORG_EVALUE, "%s: %s = %g is not a finite non-negative number",
                        fn, what, v);
    return PLANOMSORG_OK;
}

int pl_check_nonneg_values(const double *v, size_t n, const char *what, const char *fn)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]) || v[i] < 0)
            return pl_error(PLANOMSORG_EVALUE, "%s: %s[%zu] = %g is not a finite non-negative "
                            "number", fn, what, i, v[i]);
    return PLANOMSORG_OK;
}

int pl_check_int(int v, int lo, int hi, const char *what, const char *fn)
{
    if (v < lo || v > hi)
        return pl_error(PLANOMSORG_ERANGE, "%s: %s = %d is outside %d..%d", fn, what, v, lo, hi);
    return PLANOMSORG_OK;
}

int pl_check_year_range(int year, const char *what, const char *fn)
{
    if (year < PL_YEAR_MIN || year > PL_YEAR_MAX)
        return pl_error(PLANOMSORG_ERANGE, "%s: %s %d is outside %d..%d", fn, what, year,
                        PL_YEAR_MIN, PL_YEAR_MAX);
    return PLANOMSORG_OK;
}

int pl_check_year_in(int year, int first_year, int n_years, const char *fn)
{
    if (year < first_year || year >= first_year + n_years)
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d is outside %d..%d", fn, year, first_year,
                        first_year + n_years - 1);
    return PLANOMSORG_OK;
}

int pl_check_index(int index, int n, const char *what, const char *fn)
{
    if (index < 0 || index >= n)
        return pl_error(PLANOMSORG_ERANGE, "%s: %s %d is unknown (the handle has %ss 0..%d)", fn,
                        what, index, what, n - 1);
    return PLANOMSORG_OK;
}

int pl_check_code(int code, int n, const char *what, const char *fn)
{
    if (code < 0 || code >= n)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown %s code %d", fn, what, code);
    return PLANOMSORG_OK;
}

int pl_find_name(int *out, const char *const *names, int n, const char *name, const char *what,
                 const char *fn)
{
    char list[512] = "";
    size_t used = 0; /* the names that fit in list */
    for (int i = 0; i < n; i++) {
        if (strcmp(names[i], name) == 0) {
            *out = i;
            return PLANOMSORG_OK;
        }
        if (used < sizeof list) {
            int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", names[i]);
            used = w > 0 && (size_t)w < sizeof list - used ? used + (size_t)w : sizeof list;
        }
    }
    return pl_error(PLANOMSORG_ENOTFOUND, "%s: unknown %s '%s' (%s)", fn, what, name, list);
}
