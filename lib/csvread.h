/* Internal CSV layer shared by every reader in lib/io_*.c.
 *
 * Wraps libcsv (Debian libcsv-dev) so that readers get whole rows of
 * NUL-terminated UTF-8 fields with the physical line number each row starts
 * on, and uniform error messages "SOURCE:LINE:COLUMN: ...". Never prints. */
#ifndef PL_CSVREAD_H
#define PL_CSVREAD_H

#include <stddef.h>

typedef struct pl_csv pl_csv;

/* Encoding flags for pl_csv_parse()/pl_csv_read_file(). Default: input must be valid
 * UTF-8 (a UTF-8 byte-order mark is skipped), else PLANOMSORG_EENCODING. */
#define PL_CSV_LATIN1 1u        /* input is ISO-8859-1: convert to UTF-8 */
#define PL_CSV_UTF8_OR_LATIN1 2u /* valid UTF-8 is taken as is, anything else as ISO-8859-1 */

/* Parses text into rows. Blank lines are skipped. Fails with PLANOMSORG_EEMPTY when
 * there is no non-blank row, PLANOMSORG_EFORMAT for malformed quoting,
 * PLANOMSORG_EENCODING, PLANOMSORG_ENOMEM. `source` names the input in messages
 * (NULL gives "<memory>"). A NUL byte in the input is PLANOMSORG_EENCODING. */
int pl_csv_parse(pl_csv **out, const char *text, size_t len, const char *source,
                 char delimiter, unsigned flags);

/* Reads a whole file and parses it; PLANOMSORG_EIO names the path and the system's reason.
 * Reading stops at the first NUL byte (PLANOMSORG_EENCODING, so that /dev/zero fails at
 * once) and fails with PLANOMSORG_EIO beyond PL_CSV_MAX_FILE_BYTES (an endless device). */
int pl_csv_read_file(pl_csv **out, const char *path, char delimiter, unsigned flags);

/* Added by the fuzz module. */

#define PL_CSV_MAX_FILE_BYTES ((size_t)1 << 30) /* 1 GiB */

/* pl_csv_read_file() with another size limit (for tests). */
int pl_csv_read_file_max(pl_csv **out, const char *path, char delimiter, unsigned flags,
                         size_t max_bytes);

void pl_csv_free(pl_csv *csv);

size_t pl_csv_n_rows(const pl_csv *csv);                 /* rows, header included */
size_t pl_csv_n_fields(const pl_csv *csv, size_t row);
const char *pl_csv_field(const pl_csv *csv, size_t row, size_t col); /* "" past the end */
size_t pl_csv_line(const pl_csv *csv, size_t row);       /* 1-based line the row starts on */
const char *pl_csv_source(const pl_csv *csv);

/* Locates the named columns in a header row: cols[i] receives the column of names[i].
 * PLANOMSORG_EFORMAT names a missing column, a duplicate column, or (unless
 * allow_extra) an unknown extra column. Names match exactly after trimming spaces. */
int pl_csv_header(const pl_csv *csv, size_t row, const char *const *names, size_t n_names,
                  size_t *cols, int allow_extra);

/* Requires the row to have exactly n fields: PLANOMSORG_EFORMAT with line and counts. */
int pl_csv_expect_fields(const pl_csv *csv, size_t row, size_t n);

/* Number parsing with messages naming source, line, column (1-based) and the text.
 * Doubles: strtod on the trimmed field, whole field consumed, finite; with nonneg also >= 0
 * (PLANOMSORG_EVALUE). Empty fields are PLANOMSORG_EVALUE ("empty value"). */
int pl_csv_double(const pl_csv *csv, size_t row, size_t col, int nonneg, double *out);
/* Integers: decimal, whole field, within [lo, hi] (PLANOMSORG_EVALUE if not an integer,
 * PLANOMSORG_ERANGE if outside). */
int pl_csv_long(const pl_csv *csv, size_t row, size_t col, long lo, long hi, long *out);

/* Formats an error "SOURCE:LINE:COLUMN: message" (col 0 omits the column) and returns code. */
int pl_csv_error(const pl_csv *csv, size_t row, size_t col, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Added by the io module. */

/* The system's description of errnum, thread-safely, into buf. */
void pl_csv_strerror(int errnum, char *buf, size_t size);

/* Does the field equal name after trimming spaces and tabs? */
int pl_csv_field_is(const char *field, const char *name);

/* Copies the field trimmed of spaces and tabs into buf (truncated to fit size >= 1) and
 * returns the trimmed length before truncation. */
size_t pl_csv_trim(const char *field, char *buf, size_t size);

#endif
