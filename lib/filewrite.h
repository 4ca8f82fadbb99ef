/* Internal: creating and finishing the files the library writes on the caller's request
 * (CSV exports, synthetic panels), with one wording for I/O failures. */
#ifndef PL_FILEWRITE_H
#define PL_FILEWRITE_H

#include <stdio.h>

/* Opens path for writing (binary mode: the text is written as formatted). On failure
 * *out is NULL and PLANOMSORG_EIO reads "FUNCTION: cannot write 'PATH': reason". */
int pl_file_create(FILE **out, const char *path, const char *function);

/* Closes f and returns the status of the whole write: rc when it is already an error
 * (the caller's own failure wins), else PLANOMSORG_EIO when a write or the close failed,
 * else PLANOMSORG_OK. */
int pl_file_finish(FILE *f, int rc, const char *path, const char *function);

#endif
