/* Internal error reporting: set the thread-local message and return the code. */
#ifndef PL_ERROR_H
#define PL_ERROR_H

#include "planomsorg/errors.h"

#if defined(__GNUC__)
#define PL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define PL_PRINTF(a, b)
#endif

/* Records code and a printf-style message for planomsorg_error_last(); returns code
 * so that callers can write `return pl_error(PLANOMSORG_EINVAL, "...")`. */
int pl_error(int code, const char *fmt, ...) PL_PRINTF(2, 3);

/* Returns PLANOMSORG_EINVAL naming the NULL argument. */
int pl_error_null(const char *function, const char *argument);

#define PL_CHECK_NULL(ptr) \
    do { if ((ptr) == NULL) return pl_error_null(__func__, #ptr); } while (0)

#endif
