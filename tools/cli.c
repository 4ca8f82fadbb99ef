#include "cli.h"

#include <planomsorg.h>

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int cli_parse_format(const char *text, cli_format *out)
{
    static const struct { const char *name; cli_format format; } formats[] = {
        {"table", CLI_FORMAT_TABLE}, {"csv", CLI_FORMAT_CSV}, {"json", CLI_FORMAT_JSON}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(text, formats[i].name) == 0) {
            *out = formats[i].format;
            return 0;
        }
    }
    fprintf(stderr, "planomsorg: --format: '%s' is not one of table, csv, json\n", text);
    return -1;
}

int cli_parse_int(const char *option, const char *text, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0') {
        fprintf(stderr, "planomsorg: %s: '%s' is not a whole number\n", option, text);
        return -1;
    }
    if (v < lo || v > hi) {
        fprintf(stderr, "planomsorg: %s: %ld is outside %ld..%ld\n", option, v, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_parse_double(const char *option, const char *text, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    /* an underflow (1e-320) is still a number: strtod returns it or 0 */
    if ((errno != 0 && fabs(v) > 1.0) || end == text || *end != '\0' || !isfinite(v)) {
        fprintf(stderr, "planomsorg: %s: '%s' is not a number\n", option, text);
        return -1;
    }
    if (v < lo || v > hi) {
        fprintf(stderr, "planomsorg: %s: %g is outside %g..%g\n", option, v, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

const char cli_missing_argument[] = "";

const char *cli_option_value(const char *command, int argc, char **argv, int *i,
                             const char *opt)
{
    size_t len = strlen(opt);
    if (strncmp(argv[*i], opt, len) != 0)
        return NULL;
    if (argv[*i][len] == '=')
        return argv[*i] + len + 1;
    if (argv[*i][len] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        fprintf(stderr, "planomsorg: %s: %s needs an argument\n", command, opt);
        return cli_missing_argument;
    }
    return argv[++*i];
}

int cli_parse_municipality(const char *command, const char *text, const char **out)
{
    int digits = strlen(text) == 4;
    for (int i = 0; digits && i < 4; i++)
        digits = text[i] >= '0' && text[i] <= '9';
    if (!digits) {
        fprintf(stderr, "planomsorg: %s: --municipality: '%s' is not a four-digit "
                        "municipality number (e.g. 5001)\n", command, text);
        return -1;
    }
    *out = strcmp(text, PLANOMSORG_NORWAY) == 0 ? NULL : text;
    return 0;
}

/* Whether a message starts "SOURCE:LINE:", the form of every error about an input file's
 * content (a value out of range there is bad data, not bad usage). */
static int names_file_line(const char *msg)
{
    const char *colon = strchr(msg, ':');
    while (colon != NULL && colon > msg && colon[-1] != ' ') {
        const char *p = colon + 1;
        if (*p >= '0' && *p <= '9') {
            while (*p >= '0' && *p <= '9')
                p++;
            if (*p == ':')
                return 1;
        }
        colon = strchr(colon + 1, ':');
    }
    return 0;
}

int cli_parse_ages(const char *command, const char *option, const char *text, int *out,
                   int max, int *n)
{
    *n = 0;
    const char *p = text;
    while (*p) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || (*end && *end != ',') || v < 0 || v > 130 || *n >= max ||
            (*n > 0 && v <= out[*n - 1]) || (*n == 0 && v != 0)) {
            fprintf(stderr, "planomsorg: %s: %s: expected increasing ages from 0, e.g. "
                            "0,67,80,90\n", command, option);
            return -1;
        }
        out[(*n)++] = (int)v;
        p = *end ? end + 1 : end;
    }
    if (*n == 0) {
        fprintf(stderr, "planomsorg: %s: %s: empty list\n", command, option);
        return -1;
    }
    return 0;
}

int cli_fail(int status)
{
    fprintf(stderr, "planomsorg: %s\n", planomsorg_error_last()[0] != '\0'
                                            ? planomsorg_error_last()
                                            : planomsorg_strerror(status));
    if ((status == PLANOMSORG_ERANGE || status == PLANOMSORG_EINVAL) &&
        names_file_line(planomsorg_error_last()))
        return CLI_EXIT_DATA;
    switch (status) {
    case PLANOMSORG_ENOTFOUND:
    case PLANOMSORG_EIO:
    case PLANOMSORG_EFORMAT:
    case PLANOMSORG_EVALUE:
    case PLANOMSORG_EDUPLICATE:
    case PLANOMSORG_EMISSING:
    case PLANOMSORG_EENCODING:
    case PLANOMSORG_EEMPTY:
    case PLANOMSORG_ESTOCHASTIC:
        return CLI_EXIT_DATA;
    case PLANOMSORG_EINVAL:
    case PLANOMSORG_ERANGE:
        return CLI_EXIT_USAGE;
    default:
        return CLI_EXIT_FAILURE;
    }
}

typedef struct {
    char *text;   /* the cell as printed in the text table and CSV */
    double value; /* numeric cells only */
    int numeric;
} cli_cell;

struct cli_table {
    int n_columns;
    char **names;
    cli_cell *cells;
    size_t n_cells, capacity;
};

cli_table *cli_table_new(int n_columns, const char *const *column_names)
{
    cli_table *t = calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->n_columns = n_columns;
    t->names = calloc((size_t)n_columns, sizeof *t->names);
    if (t->names == NULL) {
        free(t);
        return NULL;
    }
    for (int c = 0; c < n_columns; c++) {
        t->names[c] = strdup(column_names[c]);
        if (t->names[c] == NULL) {
            cli_table_free(t);
            return NULL;
        }
    }
    return t;
}

void cli_table_free(cli_table *t)
{
    if (t == NULL)
        return;
    for (int c = 0; c < t->n_columns; c++)
        free(t->names[c]);
    for (size_t i = 0; i < t->n_cells; i++)
        free(t->cells[i].text);
    free(t->names);
    free(t->cells);
    free(t);
}

int cli_table_row(cli_table *t)
{
    /* Rows are implicit: cells fill left to right; a row must be complete before the next. */
    return t->n_cells % (size_t)t->n_columns == 0 ? 0 : -1;
}

static int push_cell(cli_table *t, const char *text, double value, int numeric)
{
    if (t->n_cells == t->capacity) {
        size_t cap = t->capacity ? 2 * t->capacity : 64;
        cli_cell *cells = realloc(t->cells, cap * sizeof *cells);
        if (cells == NULL)
            return -1;
        t->cells = cells;
        t->capacity = cap;
    }
    char *copy = strdup(text);
    if (copy == NULL)
        return -1;
    t->cells[t->n_cells++] = (cli_cell){copy, value, numeric};
    return 0;
}

int cli_table_text(cli_table *t, const char *text)
{
    return push_cell(t, text != NULL ? text : "", NAN, 0);
}

int cli_table_number(cli_table *t, double value, int decimals)
{
    char buf[64];
    if (!isfinite(value))
        snprintf(buf, sizeof buf, "NA");
    else if (decimals >= 0)
        snprintf(buf, sizeof buf, "%.*f", decimals, value);
    else
        snprintf(buf, sizeof buf, "%.17g", value);
    return push_cell(t, buf, decimals >= 0 && isfinite(value) ? strtod(buf, NULL) : value, 1);
}

int cli_table_integer(cli_table *t, long value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", value);
    return push_cell(t, buf, (double)value, 1);
}

static void write_csv_field(FILE *out, const char *text)
{
    if (strpbrk(text, ",\"\n\r") == NULL) {
        fputs(text, out);
        return;
    }
    fputc('"', out);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

static int write_csv(const cli_table *t, FILE *out)
{
    for (int c = 0; c < t->n_columns; c++) {
        if (c > 0)
            fputc(',', out);
        write_csv_field(out, t->names[c]);
    }
    fputc('\n', out);
    for (size_t i = 0; i < t->n_cells; i++) {
        write_csv_field(out, t->cells[i].text);
        fputc((i + 1) % (size_t)t->n_columns == 0 ? '\n' : ',', out);
    }
    return ferror(out) ? -1 : 0;
}

/* Display width in characters: UTF-8 continuation bytes do not count. */
static size_t text_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static int write_text(const cli_table *t, FILE *out, const char *title)
{
    size_t *width = calloc((size_t)t->n_columns, sizeof *width);
    if (width == NULL)
        return -1;
    for (int c = 0; c < t->n_columns; c++)
        width[c] = text_width(t->names[c]);
    for (size_t i = 0; i < t->n_cells; i++) {
        size_t c = i % (size_t)t->n_columns, w = text_width(t->cells[i].text);
        if (w > width[c])
            width[c] = w;
    }
    if (title != NULL)
        fprintf(out, "%s\n\n", title);
    for (int c = 0; c < t->n_columns; c++)
        fprintf(out, "%s%-*s", c ? "  " : "", (int)width[c], t->names[c]);
    fputc('\n', out);
    for (size_t i = 0; i < t->n_cells; i++) {
        size_t c = i % (size_t)t->n_columns;
        const cli_cell *cell = &t->cells[i];
        int pad = (int)(width[c] - text_width(cell->text));
        /* numbers right-aligned, text left-aligned */
        fprintf(out, "%s%*s%s%*s", c ? "  " : "", cell->numeric ? pad : 0, "", cell->text,
                cell->numeric ? 0 : pad, "");
        if (c + 1 == (size_t)t->n_columns)
            fputc('\n', out);
    }
    free(width);
    return ferror(out) ? -1 : 0;
}

static int write_json(const cli_table *t, FILE *out)
{
    json_t *rows = json_array();
    if (rows == NULL)
        return -1;
    size_t n_rows = t->n_cells / (size_t)t->n_columns;
    for (size_t r = 0; r < n_rows; r++) {
        json_t *row = json_object();
        for (int c = 0; c < t->n_columns; c++) {
            const cli_cell *cell = &t->cells[r * (size_t)t->n_columns + (size_t)c];
            json_t *v = !cell->numeric          ? json_string(cell->text)
                        : !isfinite(cell->value) ? json_null()
                        : cell->value == (double)(long long)cell->value && fabs(cell->value) < 1e15
                            ? json_integer((json_int_t)cell->value)
                            : json_real(cell->value);
            json_object_set_new(row, t->names[c], v);
        }
        json_array_append_new(rows, row);
    }
    int rc = json_dumpf(rows, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    fputc('\n', out);
    json_decref(rows);
    return rc == 0 && !ferror(out) ? 0 : -1;
}

int cli_table_write(const cli_table *t, FILE *out, cli_format format, const char *title)
{
    if (t->n_cells % (size_t)t->n_columns != 0)
        return -1;
    switch (format) {
    case CLI_FORMAT_CSV: return write_csv(t, out);
    case CLI_FORMAT_JSON: return write_json(t, out);
    case CLI_FORMAT_TABLE:
    default: return write_text(t, out, title);
    }
}
