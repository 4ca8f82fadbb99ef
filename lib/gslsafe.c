/* Checked GSL wrappers: validate first, so that GSL's (aborting) handler is never reached. */
#include "gslsafe.h"

#include <float.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_permutation.h>
#include <gsl/gsl_vector.h>

#include "error.h"

#define WHAT(w) ((w) != NULL ? (w) : "GSL wrapper")

int pl_gsl_check_finite(const double *x, size_t n, const char *what)
{
    if (n > 0 && x == NULL)
        return pl_error(PLANOMSORG_EINVAL, "%s: array is NULL", WHAT(what));
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]))
            return pl_error(PLANOMSORG_EVALUE, "%s: element %zu is %g (not a finite number)",
                            WHAT(what), i, x[i]);
    return PLANOMSORG_OK;
}

/* GSL stores sizes as size_t but BLAS takes int: refuse what cannot be passed on. */
static int check_dims(size_t rows, size_t cols, const char *name, const char *what)
{
    if (rows == 0 || cols == 0)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: %s is empty (%zu x %zu)", WHAT(what), name,
                        rows, cols);
    if (rows > (size_t)INT32_MAX || cols > (size_t)INT32_MAX || rows > SIZE_MAX / cols)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: %s is too large (%zu x %zu)", WHAT(what),
                        name, rows, cols);
    return PLANOMSORG_OK;
}

int pl_gsl_matvec(double *y, const double *a, size_t a_rows, size_t a_cols, const double *x,
                  size_t x_len, const char *what)
{
    if (y == NULL || a == NULL || x == NULL)
        return pl_error(PLANOMSORG_EINVAL, "%s: NULL %s", WHAT(what),
                        y == NULL ? "output vector" : a == NULL ? "matrix" : "vector");
    int rc = check_dims(a_rows, a_cols, "matrix", what);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (a_cols != x_len)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "%s: matrix has %zu columns but the vector has %zu elements", WHAT(what),
                        a_cols, x_len);
    if ((rc = pl_gsl_check_finite(a, a_rows * a_cols, what)) != PLANOMSORG_OK ||
        (rc = pl_gsl_check_finite(x, x_len, what)) != PLANOMSORG_OK)
        return rc;

    double *tmp = malloc(a_rows * sizeof *tmp);
    if (tmp == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", WHAT(what));
    gsl_matrix_const_view av = gsl_matrix_const_view_array(a, a_rows, a_cols);
    gsl_vector_const_view xv = gsl_vector_const_view_array(x, x_len);
    gsl_vector_view tv = gsl_vector_view_array(tmp, a_rows);
    int status = gsl_blas_dgemv(CblasNoTrans, 1.0, &av.matrix, &xv.vector, 0.0, &tv.vector);
    if (status != GSL_SUCCESS) {
        free(tmp);
        return pl_gsl_status(status, what);
    }
    rc = pl_gsl_check_finite(tmp, a_rows, what);
    if (rc != PLANOMSORG_OK) {
        free(tmp);
        return pl_error(PLANOMSORG_ENUMERIC, "%s: matrix-vector product overflows", WHAT(what));
    }
    memcpy(y, tmp, a_rows * sizeof *y);
    free(tmp);
    return PLANOMSORG_OK;
}

int pl_gsl_matmul(double *c, const double *a, size_t a_rows, size_t a_cols, const double *b,
                  size_t b_rows, size_t b_cols, const char *what)
{
    if (c == NULL || a == NULL || b == NULL)
        return pl_error(PLANOMSORG_EINVAL, "%s: NULL %s", WHAT(what),
                        c == NULL ? "output matrix" : a == NULL ? "left matrix" : "right matrix");
    int rc;
    if ((rc = check_dims(a_rows, a_cols, "left matrix", what)) != PLANOMSORG_OK ||
        (rc = check_dims(b_rows, b_cols, "right matrix", what)) != PLANOMSORG_OK ||
        (rc = check_dims(a_rows, b_cols, "product", what)) != PLANOMSORG_OK)
        return rc;
    if (a_cols != b_rows)
        return pl_error(PLANOMSORG_EDIMENSION,
                        "%s: left matrix has %zu columns but the right matrix has %zu rows",
                        WHAT(what), a_cols, b_rows);
    if ((rc = pl_gsl_check_finite(a, a_rows * a_cols, what)) != PLANOMSORG_OK ||
        (rc = pl_gsl_check_finite(b, b_rows * b_cols, what)) != PLANOMSORG_OK)
        return rc;

    double *tmp = malloc(a_rows * b_cols * sizeof *tmp);
    if (tmp == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", WHAT(what));
    gsl_matrix_const_view av = gsl_matrix_const_view_array(a, a_rows, a_cols);
    gsl_matrix_const_view bv = gsl_matrix_const_view_array(b, b_rows, b_cols);
    gsl_matrix_view cv = gsl_matrix_view_array(tmp, a_rows, b_cols);
    int status = gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, &av.matrix, &bv.matrix, 0.0,
                                &cv.matrix);
    if (status != GSL_SUCCESS) {
        free(tmp);
        return pl_gsl_status(status, what);
    }
    if (pl_gsl_check_finite(tmp, a_rows * b_cols, what) != PLANOMSORG_OK) {
        free(tmp);
        return pl_error(PLANOMSORG_ENUMERIC, "%s: matrix product overflows", WHAT(what));
    }
    memcpy(c, tmp, a_rows * b_cols * sizeof *c);
    free(tmp);
    return PLANOMSORG_OK;
}

int pl_gsl_solve(double *x, const double *a, size_t n, const double *b, const char *what)
{
    if (x == NULL || a == NULL || b == NULL)
        return pl_error(PLANOMSORG_EINVAL, "%s: NULL %s", WHAT(what),
                        x == NULL ? "solution vector" : a == NULL ? "matrix" : "right-hand side");
    int rc = check_dims(n, n, "matrix", what);
    if (rc != PLANOMSORG_OK)
        return rc;
    if ((rc = pl_gsl_check_finite(a, n * n, what)) != PLANOMSORG_OK ||
        (rc = pl_gsl_check_finite(b, n, what)) != PLANOMSORG_OK)
        return rc;

    double max_abs = 0.0;
    for (size_t i = 0; i < n * n; i++)
        if (fabs(a[i]) > max_abs)
            max_abs = fabs(a[i]);
    if (max_abs == 0.0)
        return pl_error(PLANOMSORG_ENUMERIC, "%s: matrix is singular (all zero)", WHAT(what));

    gsl_matrix *lu = gsl_matrix_alloc(n, n);
    gsl_permutation *perm = gsl_permutation_alloc(n);
    gsl_vector *sol = gsl_vector_alloc(n);
    if (lu == NULL || perm == NULL || sol == NULL) {
        rc = pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", WHAT(what));
        goto out;
    }
    memcpy(lu->data, a, n * n * sizeof *a); /* freshly allocated: tda == n */
    int signum;
    int status = gsl_linalg_LU_decomp(lu, perm, &signum);
    if (status != GSL_SUCCESS) {
        rc = pl_gsl_status(status, what);
        goto out;
    }
    /* gsl_linalg_LU_solve calls the error handler on an exactly zero pivot; tiny
     * pivots give meaningless answers. Reject both here. */
    double tol = (double)n * DBL_EPSILON * max_abs;
    for (size_t i = 0; i < n; i++) {
        double pivot = gsl_matrix_get(lu, i, i);
        if (!(fabs(pivot) > tol)) {
            rc = pl_error(PLANOMSORG_ENUMERIC,
                          "%s: matrix is singular or nearly so (pivot %zu is %g, tolerance %g)",
                          WHAT(what), i, pivot, tol);
            goto out;
        }
    }
    gsl_vector_const_view bv = gsl_vector_const_view_array(b, n);
    status = gsl_linalg_LU_solve(lu, perm, &bv.vector, sol);
    if (status != GSL_SUCCESS) {
        rc = pl_gsl_status(status, what);
        goto out;
    }
    if (pl_gsl_check_finite(sol->data, n, what) != PLANOMSORG_OK) {
        rc = pl_error(PLANOMSORG_ENUMERIC, "%s: solution is not finite (ill-conditioned matrix)",
                      WHAT(what));
        goto out;
    }
    memcpy(x, sol->data, n * sizeof *x);
    rc = PLANOMSORG_OK;
out:
    gsl_vector_free(sol);
    gsl_permutation_free(perm);
    gsl_matrix_free(lu);
    return rc;
}

int pl_gsl_status(int gsl_status, const char *what)
{
    int code;
    switch (gsl_status) {
    case GSL_SUCCESS:
        return PLANOMSORG_OK;
    case GSL_ENOMEM:
        code = PLANOMSORG_ENOMEM;
        break;
    case GSL_EBADLEN:
    case GSL_ENOTSQR:
        code = PLANOMSORG_EDIMENSION;
        break;
    case GSL_EDOM:
    case GSL_EINVAL:
        code = PLANOMSORG_EVALUE;
        break;
    case GSL_EMAXITER:
    case GSL_CONTINUE:
    case GSL_ENOPROG:
    case GSL_ENOPROGJ:
        code = PLANOMSORG_ECONVERGE;
        break;
    default:
        code = PLANOMSORG_ENUMERIC;
        break;
    }
    return pl_error(code, "%s: GSL: %s", WHAT(what), gsl_strerror(gsl_status));
}
