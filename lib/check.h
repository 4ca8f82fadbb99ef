/* Argument checks shared by the modules. Each returns PLANOMSORG_OK, or sets a message
 * that begins with the function name `fn` and returns the status. */
#ifndef PL_CHECK_H
#define PL_CHECK_H

#include <stddef.h>

/* Calendar years a handle may start in. */
#define PL_YEAR_MIN 1800
#define PL_YEAR_MAX 2300

/* n == want, else PLANOMSORG_EDIMENSION "fn: what has n values, want expected". */
int pl_check_count(size_t n, size_t want, const char *what, const char *fn);

/* v finite and within [lo, hi], an end open when its flag is set, else PLANOMSORG_EVALUE
 * naming what, the value and the interval; the array form names the index too. */
int pl_check_value(double v, double lo, int lo_open, double hi, int hi_open, const char *what,
                   const char *fn);
int pl_check_values(const double *v, size_t n, double lo, int lo_open, double hi, int hi_open,
                    const char *what, const char *fn);

/* v finite and >= 0, else PLANOMSORG_EVALUE "... is not a finite non-negative number". */
int pl_check_nonneg(double v, const char *what, const char *fn);
int pl_check_nonneg_values(const double *v, size_t n, const char *what, const char *fn);

/* v within [lo, hi], else PLANOMSORG_ERANGE "fn: what = v is outside lo..hi". */
int pl_check_int(int v, int lo, int hi, const char *what, const char *fn);

/* year within PL_YEAR_MIN..PL_YEAR_MAX, else PLANOMSORG_ERANGE naming what. */
int pl_check_year_range(int year, const char *what, const char *fn);

/* year within the n_years years from first_year, else PLANOMSORG_ERANGE. */
int pl_check_year_in(int year, int first_year, int n_years, const char *fn);

/* index within 0..n - 1 of a handle's `what`s (level, group), else PLANOMSORG_ERANGE
 * "fn: what I is unknown (the handle has whats 0..n-1)". */
int pl_check_index(int index, int n, const char *what, const char *fn);

/* A constant's code within 0..n - 1, else PLANOMSORG_EINVAL "fn: unknown what code C". */
int pl_check_code(int code, int n, const char *what, const char *fn);

/* The index of name in names[0..n-1], else PLANOMSORG_ENOTFOUND
 * "fn: unknown what 'name' (names[0], names[1], ...)". */
int pl_find_name(int *out, const char *const *names, int n, const char *name, const char *what,
                 const char *fn);

#endif
