/**
 * @file errors.h
 * @brief Status codes and the thread-local error message.
 *
 * Every function that can fail returns an int status: #PLANOMSORG_OK (0) on
 * success or one of the negative codes below. The codes are numbered
 * explicitly and only ever appended. After a failure,
 * planomsorg_error_last() describes it in words (file, line, column and value
 * where there are any).
 */
#ifndef PLANOMSORG_ERRORS_H
#define PLANOMSORG_ERRORS_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Success. */
#define PLANOMSORG_OK 0
/** Out of memory. */
#define PLANOMSORG_ENOMEM (-1)
/** An argument is invalid (NULL where not allowed, a bad code or option). */
#define PLANOMSORG_EINVAL (-2)
/** A year, age, sex, level or other index is outside the object's range. */
#define PLANOMSORG_ERANGE (-3)
/** A file cannot be opened, read or written. */
#define PLANOMSORG_EIO (-4)
/** Malformed input: a missing or extra column, an unknown header, a bad layout. */
#define PLANOMSORG_EFORMAT (-5)
/** A value is not acceptable: not a number, negative, NaN or infinite. */
#define PLANOMSORG_EVALUE (-6)
/** A cell or key appears twice in the input. */
#define PLANOMSORG_EDUPLICATE (-7)
/** A required cell or key is missing from the input. */
#define PLANOMSORG_EMISSING (-8)
/** The input is not in the expected text encoding. */
#define PLANOMSORG_EENCODING (-9)
/** The input is empty. */
#define PLANOMSORG_EEMPTY (-10)
/** The requested item (municipality, year, name) does not exist in the data. */
#define PLANOMSORG_ENOTFOUND (-11)
/** Objects or arrays given together do not have matching dimensions. */
#define PLANOMSORG_EDIMENSION (-12)
/** A numerical computation failed (singular system, overflow, GSL error). */
#define PLANOMSORG_ENUMERIC (-13)
/** A matrix that must be row-stochastic is not (entries outside [0,1] or rows not summing to 1). */
#define PLANOMSORG_ESTOCHASTIC (-14)
/** An iterative method did not converge. */
#define PLANOMSORG_ECONVERGE (-15)
/** The object is not in a state that allows the operation (e.g. not yet run). */
#define PLANOMSORG_ESTATE (-16)
/** The operation or feature is not supported by this build. */
#define PLANOMSORG_EUNSUPPORTED (-17)
/** A version mismatch (an option struct or file from another version). */
#define PLANOMSORG_EVERSION (-18)
/** A plan or scenario refers to something inconsistent (e.g. a capacity for an unknown level). */
#define PLANOMSORG_ECONSISTENCY (-19)

/**
 * @brief The message describing the last error on the calling thread.
 *
 * The message is kept per thread and overwritten by the next failing call on
 * that thread. Successful calls do not clear it.
 * @return A borrowed string valid until the next library call on this thread;
 *         never NULL ("" when no error has occurred).
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_error_last(void);

/**
 * @brief The status code of the last error on the calling thread.
 * @return A code from this header; #PLANOMSORG_OK when no error has occurred.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_error_last_code(void);

/**
 * @brief Forget the last error on the calling thread.
 * @since 1.0
 */
PLANOMSORG_EXPORT void planomsorg_error_clear(void);

/**
 * @brief The symbolic name and meaning of a status code.
 * @param[in] code A status code.
 * @return A static string such as "PLANOMSORG_EIO: file cannot be read or written";
 *         "unknown status code" for codes this version does not know. Never NULL.
 * @since 1.0
 */
PLANOMSORG_EXPORT const char *planomsorg_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif
