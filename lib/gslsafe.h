/* Checked wrappers around the GSL calls the library needs.
 *
 * GSL's default error handler aborts the process, and the library must not
 * change the process-wide handler behind its caller's back (DESIGN.md section 4,
 * rule 5). These wrappers therefore validate every argument BEFORE calling GSL,
 * so that no GSL error path (and so no handler) is ever reached, and turn the
 * problems they find into PLANOMSORG_* status codes with a message.
 *
 * Matrices are dense, row-major, without padding: element (i, j) of an
 * rows x cols matrix is a[i * cols + j]. The `what` argument names the caller's
 * object in messages (e.g. "planomsorg_markov_run: transition matrix").
 * All functions return PLANOMSORG_OK or a negative status and set the message
 * through pl_error(). Outputs are written only on success. */
#ifndef PL_GSLSAFE_H
#define PL_GSLSAFE_H

#include <stddef.h>

/* PLANOMSORG_EVALUE when any of x[0..n-1] is NaN or infinite (message names the
 * first bad index and value); PLANOMSORG_EINVAL for x == NULL with n > 0. */
int pl_gsl_check_finite(const double *x, size_t n, const char *what);

/* y = A x for an a_rows x a_cols matrix A and a vector x of length x_len.
 * PLANOMSORG_EDIMENSION when a_cols != x_len or a dimension is zero,
 * PLANOMSORG_EVALUE for non-finite input, PLANOMSORG_ENUMERIC when the
 * product overflows. y (length a_rows) must not overlap A or x. */
int pl_gsl_matvec(double *y, const double *a, size_t a_rows, size_t a_cols,
                  const double *x, size_t x_len, const char *what);

/* C = A B for A (a_rows x a_cols) and B (b_rows x b_cols); C is a_rows x b_cols.
 * PLANOMSORG_EDIMENSION when a_cols != b_rows or a dimension is zero,
 * PLANOMSORG_EVALUE for non-finite input, PLANOMSORG_ENUMERIC on overflow.
 * C must not overlap A or B. */
int pl_gsl_matmul(double *c, const double *a, size_t a_rows, size_t a_cols,
                  const double *b, size_t b_rows, size_t b_cols, const char *what);

/* Solves A x = b for a square n x n matrix A (LU with partial pivoting).
 * PLANOMSORG_EDIMENSION when n == 0, PLANOMSORG_EVALUE for non-finite input,
 * PLANOMSORG_ENUMERIC when A is singular or so ill-conditioned that a pivot
 * falls below n * DBL_EPSILON * max|A| (GSL itself only rejects exact zeros,
 * and does so by calling the aborting handler), or when x is not finite.
 * A and b are not modified; x (length n) may alias b. */
int pl_gsl_solve(double *x, const double *a, size_t n, const double *b, const char *what);

/* Maps a GSL status returned by a call made with valid arguments (e.g. an
 * iteration that stopped: GSL_CONTINUE, GSL_EMAXITER) to a PLANOMSORG_* code
 * and records "what: GSL: <gsl_strerror>". GSL_SUCCESS maps to PLANOMSORG_OK. */
int pl_gsl_status(int gsl_status, const char *what);

#endif
