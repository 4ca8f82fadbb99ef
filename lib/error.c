#include "error.h"

#include <stdarg.h>
#include <stdio.h>

#define PL_ERROR_MAX 1024

/* Thread-local, as in libgit2: the only mutable state outside handles, and per thread. */
static _Thread_local char last_message[PL_ERROR_MAX];
static _Thread_local int last_code;

int pl_error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    last_code = code;
    return code;
}

int pl_error_null(const char *function, const char *argument)
{
    return pl_error(PLANOMSORG_EINVAL, "%s: argument '%s' must not be NULL", function, argument);
}

const char *planomsorg_error_last(void)
{
    return last_message;
}

int planomsorg_error_last_code(void)
{
    return last_code;
}

void planomsorg_error_clear(void)
{
    last_message[0] = '\0';
    last_code = PLANOMSORG_OK;
}

const char *planomsorg_strerror(int code)
{
    switch (code) {
    case PLANOMSORG_OK: return "PLANOMSORG_OK: success";
    case PLANOMSORG_ENOMEM: return "PLANOMSORG_ENOMEM: out of memory";
    case PLANOMSORG_EINVAL: return "PLANOMSORG_EINVAL: invalid argument";
    case PLANOMSORG_ERANGE: return "PLANOMSORG_ERANGE: index out of range";
    case PLANOMSORG_EIO: return "PLANOMSORG_EIO: file cannot be read or written";
    case PLANOMSORG_EFORMAT: return "PLANOMSORG_EFORMAT: malformed input";
    case PLANOMSORG_EVALUE: return "PLANOMSORG_EVALUE: unacceptable value";
    case PLANOMSORG_EDUPLICATE: return "PLANOMSORG_EDUPLICATE: duplicate cell or key";
    case PLANOMSORG_EMISSING: return "PLANOMSORG_EMISSING: missing cell or key";
    case PLANOMSORG_EENCODING: return "PLANOMSORG_EENCODING: wrong text encoding";
    case PLANOMSORG_EEMPTY: return "PLANOMSORG_EEMPTY: empty input";
    case PLANOMSORG_ENOTFOUND: return "PLANOMSORG_ENOTFOUND: not found in the data";
    case PLANOMSORG_EDIMENSION: return "PLANOMSORG_EDIMENSION: dimensions do not match";
    case PLANOMSORG_ENUMERIC: return "PLANOMSORG_ENUMERIC: numerical failure";
    case PLANOMSORG_ESTOCHASTIC: return "PLANOMSORG_ESTOCHASTIC: matrix is not row-stochastic";
    case PLANOMSORG_ECONVERGE: return "PLANOMSORG_ECONVERGE: iteration did not converge";
    case PLANOMSORG_ESTATE: return "PLANOMSORG_ESTATE: object not in a state for this operation";
    case PLANOMSORG_EUNSUPPORTED: return "PLANOMSORG_EUNSUPPORTED: not supported by this build";
    case PLANOMSORG_EVERSION: return "PLANOMSORG_EVERSION: version mismatch";
    case PLANOMSORG_ECONSISTENCY: return "PLANOMSORG_ECONSISTENCY: inconsistent model definition";
    default: return "unknown status code";
    }
}
