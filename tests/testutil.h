/* Assertions shared by the C unit tests; include after <cmocka.h>. */
#ifndef PL_TESTUTIL_H
#define PL_TESTUTIL_H

#include <planomsorg.h>

#include <math.h>
#include <string.h>

/* The call failed with code, recorded code as the last error, and the message names
 * fragment. */
static inline void assert_error(int rc, int code, const char *fragment)
{
    assert_int_equal(rc, code);
    assert_int_equal(planomsorg_error_last_code(), code);
    if (strstr(planomsorg_error_last(), fragment) == NULL)
        fail_msg("message '%s' lacks '%s'", planomsorg_error_last(), fragment);
}

/* |got - want| <= tol * max(|want|, 1): relative above 1, absolute below. */
static inline void assert_rel(double got, double want, double tol)
{
    double scale = fabs(want) > 1 ? fabs(want) : 1;
    if (!(fabs(got - want) <= tol * scale))
        fail_msg("got %.15g, want %.15g (relative tolerance %g)", got, want, tol);
}

#endif
