/* Internal CSV layer: encoding checks, libcsv tokenising, line tracking, number parsing.
 *
 * The input is first made into validated UTF-8 (BOM skipped, Latin-1 converted when
 * asked, NUL bytes and malformed sequences rejected), then tokenised by libcsv in strict
 * mode. Rows keep the physical line they start on, so that every message can say
 * "SOURCE:LINE:COLUMN". Numbers are parsed in the "C" locale whatever the host's
 * LC_NUMERIC is. */
#include "csvread.h"

#include "error.h"

#include <csv.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pl_csv {
    char *source;
    char *text;          /* all fields, each NUL-terminated */
    size_t text_len, text_cap;
    size_t *fields;      /* offset of each field in text */
    size_t n_fields, fields_cap;
    size_t *row_first;   /* first field of each row */
    size_t *row_count;   /* fields in each row */
    size_t *row_line;    /* physical line each row starts on */
    size_t n_rows, rows_cap;
    locale_t c_locale;   /* (locale_t)0 when newlocale failed: plain strtod is used */
    /* parse state */
    size_t line;         /* current physical line while tokenising */
    size_t row_start;    /* line the current row started on */
    size_t cur_first;    /* first field of the row being built */
    int failed;          /* PLANOMSORG_ENOMEM from a callback */
};

/* ---------- growing arrays ---------- */

static int grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem)
            return -1;
        n *= 2;
    }
    void *p = realloc(*ptr, n * elem);
    if (p == NULL)
        return -1;
    *ptr = p;
    *cap = n;
    return 0;
}

static void on_field(void *data, size_t len, void *ctx)
{
    pl_csv *csv = ctx;
    if (csv->failed)
        return;
    if (grow((void **)&csv->text, &csv->text_cap, csv->text_len + len + 1, 1) != 0 ||
        grow((void **)&csv->fields, &csv->fields_cap, csv->n_fields + 1, sizeof(size_t)) != 0) {
        csv->failed = 1;
        return;
    }
    if (len > 0)
        memcpy(csv->text + csv->text_len, data, len);
    csv->text[csv->text_len + len] = '\0';
    csv->fields[csv->n_fields++] = csv->text_len;
    csv->text_len += len + 1;
}

static void on_row(int term, void *ctx)
{
    (void)term;
    pl_csv *csv = ctx;
    if (csv->failed)
        return;
    size_t n = csv->n_fields - csv->cur_first;
    if (csv->n_rows == csv->rows_cap) {
        /* The three row arrays share one capacity. */
        size_t cap = csv->rows_cap ? 2 * csv->rows_cap : 64;
        size_t *f = realloc(csv->row_first, cap * sizeof *f);
        if (f != NULL)
            csv->row_first = f;
        size_t *c = f ? realloc(csv->row_count, cap * sizeof *c) : NULL;
        if (c != NULL)
            csv->row_count = c;
        size_t *l = c ? realloc(csv->row_line, cap * sizeof *l) : NULL;
        if (l == NULL) {
            csv->failed = 1;
            return;
        }
        csv->row_line = l;
        csv->rows_cap = cap;
    }
    csv->row_first[csv->n_rows] = csv->cur_first;
    csv->row_count[csv->n_rows] = n;
    csv->row_line[csv->n_rows] = csv->row_start;
    csv->n_rows++;
    csv->cur_first = csv->n_fields;
    csv->row_start = 0;
}

/* ---------- encoding ---------- */

static const char *src_name(const char *source)
{
    return source ? source : "<memory>";
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid: overlong forms,
 * surrogates, code points above U+10FFFF and truncated sequences are all invalid. */
static size_t utf8_seq(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c == 0xE0) {
        n = 3;
        lo = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        n = 3;
    else if (c == 0xED) {
        n = 3;
        hi = 0x9F; /* excludes surrogates U+D800..U+DFFF */
    } else if (c == 0xF0) {
        n = 4;
        lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3)
        n = 4;
    else if (c == 0xF4) {
        n = 4;
        hi = 0x8F;
    } else
        return 0;
    if (avail < n)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return n;
}

/* Position (line, column in bytes, both 1-based) of offset off in text. */
static void locate(const char *text, size_t off, size_t *line, size_t *col)
{
    size_t l = 1, start = 0;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = off - start + 1;
}

/* Offset of the first invalid UTF-8 byte, or len when all is valid. */
static size_t utf8_check(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_seq(s + i, len - i);
        if (n == 0)
            return i;
        i += n;
    }
    return len;
}

/* Makes *out a malloc'ed UTF-8 copy of the input (without BOM) and *out_len its length. */
static int to_utf8(char **out, size_t *out_len, const char *text, size_t len, const char *source,
                   unsigned flags)
{
    const unsigned char *s = (const unsigned char *)text;
    const void *nul = len ? memchr(text, '\0', len) : NULL;
    if (nul != NULL) {
        size_t line, col;
        locate(text, (size_t)((const char *)nul - text), &line, &col);
        return pl_error(PLANOMSORG_EENCODING, "%s:%zu: NUL byte at byte %zu of the line "
                        "(binary file?)", src_name(source), line, col);
    }
    int latin1 = (flags & PL_CSV_LATIN1) != 0;
    if (!latin1) {
        size_t skip = len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
        size_t bad = utf8_check(s + skip, len - skip);
        if (bad == len - skip) {
            s += skip;
            len -= skip;
        } else if (flags & PL_CSV_UTF8_OR_LATIN1) {
            latin1 = 1; /* the whole input, a would-be BOM included, is Latin-1 text */
        } else {
            size_t line, col;
            locate(text, skip + bad, &line, &col);
            return pl_error(PLANOMSORG_EENCODING, "%s:%zu: invalid UTF-8 byte 0x%02X at byte "
                            "%zu of the line (is the file ISO-8859-1?)", src_name(source),
                            line, (unsigned)s[skip + bad], col);
        }
    }
    if (latin1) {
        /* Latin-1 maps bytes to U+0000..U+00FF: at most two bytes each. */
        if (len > (SIZE_MAX - 1) / 2)
            return pl_error(PLANOMSORG_ENOMEM, "%s: input too large", src_name(source));
        char *buf = malloc(2 * len + 1);
        if (buf == NULL)
            return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory converting ISO-8859-1",
                            src_name(source));
        size_t k = 0;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = s[i];
            if (c < 0x80)
                buf[k++] = (char)c;
            else {
                buf[k++] = (char)(0xC0 | (c >> 6));
                buf[k++] = (char)(0x80 | (c & 0x3F));
            }
        }
        buf[k] = '\0';
        *out = buf;
        *out_len = k;
        return PLANOMSORG_OK;
    }
    char *buf = malloc(len + 1);
    if (buf == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", src_name(source));
    if (len)
        memcpy(buf, s, len);
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return PLANOMSORG_OK;
}

/* ---------- tokenising ---------- */

static int is_blank_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Feeds libcsv so that the line each row starts on is known: outside a row byte by byte
 * (to see where the row begins), inside a row up to and including the next line break
 * (libcsv ends rows only at CR or LF). Newlines inside quoted fields are counted too. */
static int tokenise(pl_csv *csv, struct csv_parser *p, const char *u, size_t len, char delim)
{
    size_t i = 0;
    csv->line = 1;
    while (i < len) {
        size_t n;
        if (csv->row_start == 0) {
            if (!is_blank_byte(u[i]) || u[i] == delim) /* a tab or space delimiter starts a row */
                csv->row_start = csv->line;
            n = 1;
        } else {
            const char *nl = u + i;
            const char *end = u + len;
            while (nl < end && *nl != '\n' && *nl != '\r')
                nl++;
            n = (size_t)(nl - (u + i)) + (nl < end ? 1 : 0);
        }
        size_t done = csv_parse(p, u + i, n, on_field, on_row, csv);
        if (csv->failed)
            return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory reading CSV", csv->source);
        if (done < n) {
            if (csv_error(p) == CSV_ENOMEM || csv_error(p) == CSV_ETOOBIG)
                return pl_error(PLANOMSORG_ENOMEM, "%s:%zu: out of memory reading CSV",
                                csv->source, csv->line);
            return pl_error(PLANOMSORG_EFORMAT, "%s:%zu: malformed quoting (a quote inside an "
                            "unquoted field, or text after a closing quote; row starts on "
                            "line %zu)", csv->source, csv->line,
                            csv->row_start ? csv->row_start : csv->line);
        }
        if (u[i + n - 1] == '\n')
            csv->line++;
        i += n;
    }
    if (csv_fini(p, on_field, on_row, csv) != 0) {
        if (csv_error(p) == CSV_EPARSE)
            return pl_error(PLANOMSORG_EFORMAT, "%s:%zu: malformed quoting (quoted field not "
                            "closed before the end of the input)", csv->source,
                            csv->row_start ? csv->row_start : csv->line);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory reading CSV", csv->source);
    }
    if (csv->failed)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory reading CSV", csv->source);
    return PLANOMSORG_OK;
}

int pl_csv_parse(pl_csv **out, const char *text, size_t len, const char *source,
                 char delimiter, unsigned flags)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    if (text == NULL && len > 0)
        return pl_error_null(__func__, "text");
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == '\0')
        return pl_error(PLANOMSORG_EINVAL, "%s: invalid delimiter", __func__);
    pl_csv *csv = calloc(1, sizeof *csv);
    if (csv == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    csv->source = strdup(src_name(source));
    if (csv->source == NULL) {
        free(csv);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    char *u = NULL;
    size_t ulen = 0;
    int rc = to_utf8(&u, &ulen, text ? text : "", len, source, flags);
    if (rc != PLANOMSORG_OK) {
        pl_csv_free(csv);
        return rc;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(u);
        pl_csv_free(csv);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    csv_set_delim(&p, (unsigned char)delimiter);
    /* libcsv grows its field buffer by a fixed block: with the default 128 bytes a field
     * of n bytes costs n / 128 reallocations, quadratic in copies where realloc cannot
     * grow in place (sanitizers). A block of an eighth of the input bounds them to 8. */
    if (ulen / 8 > 128)
        csv_set_blk_size(&p, ulen / 8);
    rc = tokenise(csv, &p, u, ulen, delimiter);
    csv_free(&p);
    free(u);
    if (rc == PLANOMSORG_OK && csv->n_rows == 0)
        rc = pl_error(PLANOMSORG_EEMPTY, "%s: empty input (no non-blank line)", csv->source);
    if (rc == PLANOMSORG_OK) {
        csv->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
        if (csv->c_locale == (locale_t)0)
            rc = pl_error(PLANOMSORG_ENOMEM, "%s: cannot create the C locale", __func__);
    }
    if (rc != PLANOMSORG_OK) {
        pl_csv_free(csv);
        return rc;
    }
    *out = csv;
    return PLANOMSORG_OK;
}

void pl_csv_strerror(int errnum, char *buf, size_t size)
{
    /* XSI strerror_r (thread-safe, unlike strerror). */
    if (strerror_r(errnum, buf, size) != 0)
        snprintf(buf, size, "error %d", errnum);
}

int pl_csv_read_file(pl_csv **out, const char *path, char delimiter, unsigned flags)
{
    return pl_csv_read_file_max(out, path, delimiter, flags, PL_CSV_MAX_FILE_BYTES);
}

int pl_csv_read_file_max(pl_csv **out, const char *path, char delimiter, unsigned flags,
                         size_t max_bytes)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(path);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        char why[128];
        pl_csv_strerror(errno, why, sizeof why);
        return pl_error(PLANOMSORG_EIO, "%s: cannot open: %s", path, why);
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        fclose(f);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", path);
    }
    /* A device such as /dev/zero never ends: stop at the first NUL byte (pl_csv_parse
     * then reports it with its position) and at max_bytes. */
    for (;;) {
        if (len == cap) {
            if (cap > SIZE_MAX / 2) {
                free(buf);
                fclose(f);
                return pl_error(PLANOMSORG_ENOMEM, "%s: file too large", path);
            }
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                fclose(f);
                return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", path);
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0 || memchr(buf + len - got, '\0', got) != NULL)
            break;
        if (len > max_bytes) {
            free(buf);
            fclose(f);
            return pl_error(PLANOMSORG_EIO, "%s: larger than %zu bytes", path, max_bytes);
        }
    }
    if (ferror(f)) {
        char why[128];
        pl_csv_strerror(errno, why, sizeof why);
        free(buf);
        fclose(f);
        return pl_error(PLANOMSORG_EIO, "%s: cannot read: %s", path, why);
    }
    fclose(f);
    int rc = pl_csv_parse(out, buf, len, path, delimiter, flags);
    free(buf);
    return rc;
}

void pl_csv_free(pl_csv *csv)
{
    if (csv == NULL)
        return;
    if (csv->c_locale != (locale_t)0)
        freelocale(csv->c_locale);
    free(csv->source);
    free(csv->text);
    free(csv->fields);
    free(csv->row_first);
    free(csv->row_count);
    free(csv->row_line);
    free(csv);
}

/* ---------- access ---------- */

size_t pl_csv_n_rows(const pl_csv *csv)
{
    return csv ? csv->n_rows : 0;
}

size_t pl_csv_n_fields(const pl_csv *csv, size_t row)
{
    return csv && row < csv->n_rows ? csv->row_count[row] : 0;
}

const char *pl_csv_field(const pl_csv *csv, size_t row, size_t col)
{
    if (csv == NULL || row >= csv->n_rows || col >= csv->row_count[row])
        return "";
    return csv->text + csv->fields[csv->row_first[row] + col];
}

size_t pl_csv_line(const pl_csv *csv, size_t row)
{
    return csv && row < csv->n_rows ? csv->row_line[row] : 0;
}

const char *pl_csv_source(const pl_csv *csv)
{
    return csv ? csv->source : "<memory>";
}

int pl_csv_error(const pl_csv *csv, size_t row, size_t col, int code, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t line = pl_csv_line(csv, row);
    if (line == 0)
        return pl_error(code, "%s: %s", pl_csv_source(csv), msg);
    if (col == 0)
        return pl_error(code, "%s:%zu: %s", pl_csv_source(csv), line, msg);
    return pl_error(code, "%s:%zu:%zu: %s", pl_csv_source(csv), line, col, msg);
}

/* ---------- header ---------- */

/* Copies the field trimmed of spaces and tabs into buf (truncated to size); returns
 * the trimmed length before truncation. */
size_t pl_csv_trim(const char *s, char *buf, size_t size)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    size_t full = n;
    if (n >= size)
        n = size - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return full;
}

/* Does the field equal name after trimming? */
int pl_csv_field_is(const char *field, const char *name)
{
    while (*field == ' ' || *field == '\t')
        field++;
    size_t n = strlen(name);
    if (strncmp(field, name, n) != 0)
        return 0;
    for (field += n; *field; field++)
        if (*field != ' ' && *field != '\t')
            return 0;
    return 1;
}

int pl_csv_header(const pl_csv *csv, size_t row, const char *const *names, size_t n_names,
                  size_t *cols, int allow_extra)
{
    PL_CHECK_NULL(csv);
    if (n_names > 0) {
        PL_CHECK_NULL(names);
        PL_CHECK_NULL(cols);
    }
    if (row >= csv->n_rows)
        return pl_error(PLANOMSORG_EFORMAT, "%s: no header row", csv->source);
    for (size_t i = 0; i < n_names; i++)
        cols[i] = SIZE_MAX;
    size_t nf = csv->row_count[row];
    char shown[128];
    for (size_t c = 0; c < nf; c++) {
        const char *f = pl_csv_field(csv, row, c);
        size_t hit = SIZE_MAX;
        for (size_t i = 0; i < n_names && hit == SIZE_MAX; i++)
            if (pl_csv_field_is(f, names[i]))
                hit = i;
        if (hit == SIZE_MAX) {
            if (allow_extra)
                continue;
            pl_csv_trim(f, shown, sizeof shown);
            return pl_csv_error(csv, row, c + 1, PLANOMSORG_EFORMAT,
                                "unknown column '%s' in the header", shown);
        }
        if (cols[hit] != SIZE_MAX)
            return pl_csv_error(csv, row, c + 1, PLANOMSORG_EFORMAT,
                                "duplicate column '%s' (also column %zu)", names[hit],
                                cols[hit] + 1);
        cols[hit] = c;
    }
    for (size_t i = 0; i < n_names; i++)
        if (cols[i] == SIZE_MAX)
            return pl_csv_error(csv, row, 0, PLANOMSORG_EFORMAT,
                                "missing column '%s' in the header", names[i]);
    return PLANOMSORG_OK;
}

int pl_csv_expect_fields(const pl_csv *csv, size_t row, size_t n)
{
    PL_CHECK_NULL(csv);
    size_t have = pl_csv_n_fields(csv, row);
    if (have == n)
        return PLANOMSORG_OK;
    if (have > n)
        return pl_csv_error(csv, row, n + 1, PLANOMSORG_EFORMAT,
                            "extra column: %zu fields where %zu are expected", have, n);
    return pl_csv_error(csv, row, have + 1, PLANOMSORG_EFORMAT,
                        "missing column: %zu fields where %zu are expected", have, n);
}

/* ---------- numbers ---------- */

static int ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* The trimmed text of a number field in buf; an empty or too long field is an error. */
static int number_text(const pl_csv *csv, size_t row, size_t col, char *buf, size_t size)
{
    size_t full = pl_csv_trim(pl_csv_field(csv, row, col), buf, size);
    if (buf[0] == '\0')
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "empty value");
    if (full >= size)
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "value too long: '%.40s...'",
                            buf);
    return PLANOMSORG_OK;
}

int pl_csv_double(const pl_csv *csv, size_t row, size_t col, int nonneg, double *out)
{
    PL_CHECK_NULL(csv);
    PL_CHECK_NULL(out);
    char buf[128];
    int rc = number_text(csv, row, col, buf, sizeof buf);
    if (rc != PLANOMSORG_OK)
        return rc;
    const char *p = buf[0] == '+' || buf[0] == '-' ? buf + 1 : buf;
    if (ieq(p, "nan") || (strncmp(p, "nan(", 4) == 0) || (strncmp(p, "NAN(", 4) == 0))
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "value '%s' is NaN", buf);
    if (ieq(p, "inf") || ieq(p, "infinity"))
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "value '%s' is infinite", buf);
    /* Plain decimal notation only: no hex floats, no locale-specific separators. */
    int digits = 0;
    for (const char *q = buf; *q; q++) {
        if (*q >= '0' && *q <= '9')
            digits = 1;
        else if (*q != '.' && *q != 'e' && *q != 'E' && *q != '+' && *q != '-')
            return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "value '%s' is not a number",
                                buf);
    }
    if (!digits)
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "value '%s' is not a number",
                            buf);
    locale_t old = (locale_t)0;
    if (csv->c_locale != (locale_t)0)
        old = uselocale(csv->c_locale);
    errno = 0;
    char *end = NULL;
    double v = strtod(buf, &end);
    int e = errno;
    if (old != (locale_t)0)
        uselocale(old);
    if (end == buf || *end != '\0')
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "value '%s' is not a number",
                            buf);
    if (!isfinite(v) || (e == ERANGE && fabs(v) > 1.0))
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE,
                            "value '%s' is too large (infinite)", buf);
    if (nonneg && v < 0)
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "value '%s' is negative", buf);
    *out = v;
    return PLANOMSORG_OK;
}

int pl_csv_long(const pl_csv *csv, size_t row, size_t col, long lo, long hi, long *out)
{
    PL_CHECK_NULL(csv);
    PL_CHECK_NULL(out);
    char buf[64];
    int rc = number_text(csv, row, col, buf, sizeof buf);
    if (rc != PLANOMSORG_OK)
        return rc;
    const char *p = buf[0] == '+' || buf[0] == '-' ? buf + 1 : buf;
    if (*p == '\0')
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "value '%s' is not an integer",
                            buf);
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9')
            return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE,
                                "value '%s' is not an integer", buf);
    errno = 0;
    long v = strtol(buf, NULL, 10);
    if (errno == ERANGE || v < lo || v > hi)
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_ERANGE,
                            "value '%s' is outside %ld..%ld", buf, lo, hi);
    *out = v;
    return PLANOMSORG_OK;
}
